// Data requests in the admin area: the list, an admin's export of a candidate, erasure and refusal.
import { z } from "zod";
import { text, uuidSchema } from "../common";
import { dataRequestKinds, dataRequestStatuses, roles } from "../enums";
import { myDataExportOutput } from "../my-data";

export const dataRequestKindLabels = { export: "Export", erasure: "Erasure" } as const;
export const dataRequestStatusLabels = {
  pending: "Pending",
  completed: "Completed",
  rejected: "Declined",
} as const;

export const DATA_REQUEST_PAGE_SIZE = 20;

export const dataRequestListInput = z.object({
  status: z
    .enum(dataRequestStatuses, { error: `must be one of ${dataRequestStatuses.join(", ")}` })
    .optional(),
  kind: z
    .enum(dataRequestKinds, { error: `must be one of ${dataRequestKinds.join(", ")}` })
    .optional(),
  page: z
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(100_000, { error: "is too large" })
    .default(1),
  pageSize: z
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(50, { error: "must be at most 50" })
    .default(DATA_REQUEST_PAGE_SIZE),
});
export type DataRequestListInput = z.input<typeof dataRequestListInput>;

export const dataRequestRow = z.object({
  id: z.uuid(),
  kind: z.enum(dataRequestKinds),
  status: z.enum(dataRequestStatuses),
  candidate: z.object({ id: z.uuid(), name: z.string(), erased: z.boolean() }),
  requestedBy: z.object({ id: z.uuid(), name: z.string(), role: z.enum(roles) }),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
  /** Who completed or declined it (from the audit trail). */
  completedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The reason given when declined. */
  note: z.string().nullable(),
});
export type DataRequestRow = z.infer<typeof dataRequestRow>;

export const dataRequestListOutput = z.object({
  rows: z.array(dataRequestRow),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  /** Pending requests in the whole agency, whatever the filters. */
  pendingCount: z.int(),
});
export type DataRequestListOutput = z.infer<typeof dataRequestListOutput>;

export const exportCandidateInput = z.object({ candidateId: uuidSchema });

/** The candidate's own export; a candidate without a login has no account section. */
export const candidateExportOutput = myDataExportOutput.extend({
  account: myDataExportOutput.shape.account.nullable(),
});
export type CandidateExport = z.infer<typeof candidateExportOutput>;

export const exportCandidateOutput = z.object({
  dataRequestId: z.uuid(),
  data: candidateExportOutput,
});

export const eraseCandidateInput = z.object({
  candidateId: uuidSchema,
  /** The pending erasure request this fulfils; without one, the admin erases on their own. */
  dataRequestId: uuidSchema.optional(),
  /** The candidate's name, typed by the admin: erasure cannot be undone. */
  confirmation: z
    .string({ error: "must be text" })
    .trim()
    .min(1, { error: "type the candidate's name to confirm" })
    .max(300, { error: "must be at most 300 characters" }),
});
export type EraseCandidateInput = z.input<typeof eraseCandidateInput>;

export const erasureCounts = z.object({
  interviews: z.int(),
  feedback: z.int(),
  feedbackItems: z.int(),
  revisions: z.int(),
  responses: z.int(),
  messages: z.int(),
  clientFeedbackRequests: z.int(),
  actionPlans: z.int(),
  goals: z.int(),
  goalSteps: z.int(),
  goalComments: z.int(),
  journalEntries: z.int(),
  notifications: z.int(),
  outbox: z.int(),
  mail: z.int(),
  invitations: z.int(),
  loginAttempts: z.int(),
  accounts: z.int(),
});
export type ErasureCounts = z.infer<typeof erasureCounts>;

export const eraseCandidateOutput = z.object({
  candidateId: z.uuid(),
  /** True when an earlier call had already erased them: nothing changed this time. */
  alreadyErased: z.boolean(),
  /** The erasure requests this completed (a new one when the admin acted on their own). */
  dataRequestIds: z.array(z.uuid()),
  counts: erasureCounts,
});

export const rejectDataRequestInput = z.object({
  dataRequestId: uuidSchema,
  reason: text(1000),
});

export const rejectDataRequestOutput = z.object({
  id: z.uuid(),
  status: z.enum(dataRequestStatuses),
  completedAt: z.date().nullable(),
});
