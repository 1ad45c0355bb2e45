import {
  adminUserChangedOutput,
  adminUserListInput,
  adminUserListOutput,
  adminUserRefInput,
  changeRoleInput,
  invitationRevokedOutput,
  invitationSentOutput,
  inviteUserInput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as invitations from "../../services/admin/invitations";
import * as users from "../../services/admin/users";
import { adminProcedure } from "../../trpc";

export const adminUsersRouter = {
  list: adminProcedure
    .input(adminUserListInput)
    .output(adminUserListOutput)
    .query(({ ctx, input }) => users.list({ ctx, input })),
  invite: adminProcedure
    .input(inviteUserInput)
    .output(invitationSentOutput)
    .mutation(({ ctx, input }) => invitations.invite({ ctx, input })),
  resendInvitation: adminProcedure
    .input(adminUserRefInput)
    .output(invitationSentOutput)
    .mutation(({ ctx, input }) => invitations.resend({ ctx, input })),
  revokeInvitation: adminProcedure
    .input(adminUserRefInput)
    .output(invitationRevokedOutput)
    .mutation(({ ctx, input }) => invitations.revoke({ ctx, input })),
  disable: adminProcedure
    .input(adminUserRefInput)
    .output(adminUserChangedOutput)
    .mutation(({ ctx, input }) => users.disable({ ctx, input })),
  enable: adminProcedure
    .input(adminUserRefInput)
    .output(adminUserChangedOutput)
    .mutation(({ ctx, input }) => users.enable({ ctx, input })),
  changeRole: adminProcedure
    .input(changeRoleInput)
    .output(adminUserChangedOutput)
    .mutation(({ ctx, input }) => users.changeRole({ ctx, input })),
} satisfies TRPCRouterRecord;
