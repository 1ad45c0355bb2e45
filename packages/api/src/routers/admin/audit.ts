import { auditFacetsOutput, auditListInput, auditListOutput } from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as auditLog from "../../services/admin/audit-log";
import { adminProcedure } from "../../trpc";

export const adminAuditRouter = {
  /** The agency's audit events, newest first, filtered, paged by keyset (before / after). */
  list: adminProcedure
    .input(auditListInput)
    .output(auditListOutput)
    .query(({ ctx, input }) => auditLog.list({ ctx, input })),
  /** The actions, actors and entity types present, for the filters. */
  facets: adminProcedure.output(auditFacetsOutput).query(({ ctx }) => auditLog.facets({ ctx })),
} satisfies TRPCRouterRecord;
