// The audit log: its filters and paging, what a row shows, and the words people read for actions.
import { z } from "zod";
import { uuidSchema } from "../common";
import { roles } from "../enums";

/**
 * Groups of actions for the log's "What" filter. An action belongs to a group when it is listed or
 * starts with one of the prefixes; "fairness" is the publications whose audit row marks an
 * override of a fairness warning.
 */
export const auditGroups = {
  sign_in: { label: "Sign-ins", prefixes: ["auth."], actions: [] },
  feedback: { label: "Feedback", prefixes: ["feedback.", "clarification."], actions: [] },
  fairness: { label: "Fairness overrides", prefixes: [], actions: [] },
  users: { label: "Users and roles", prefixes: ["user.", "invitation."], actions: [] },
  privacy: {
    label: "Data and privacy",
    prefixes: ["data_request.", "retention.", "report."],
    actions: ["candidate.exported", "candidate.erased", "data.exported"],
  },
  pipeline: {
    label: "Pipeline",
    prefixes: ["client.", "job.", "interview."],
    actions: ["candidate.created", "candidate.updated"],
  },
  plans: { label: "Plans and journal", prefixes: ["goal.", "journal."], actions: [] },
  settings: {
    label: "Settings and taxonomy",
    prefixes: ["agency.", "settings.", "taxonomy.", "competency.", "reason.", "template."],
    actions: [],
  },
} as const satisfies Record<
  string,
  { label: string; prefixes: readonly string[]; actions: readonly string[] }
>;
export type AuditGroup = keyof typeof auditGroups;
export const auditGroupIds = Object.keys(auditGroups) as [AuditGroup, ...AuditGroup[]];

/** What people read for each action; anything not listed is spelled out by `auditActionLabel`. */
export const auditActionLabels: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_out": "Signed out",
  "feedback.created": "Started feedback",
  "feedback.published": "Published feedback",
  "feedback.submitted": "Submitted feedback for approval",
  "feedback.approved": "Approved and published feedback",
  "feedback.sent_back": "Sent feedback back",
  "feedback.revised": "Revised published feedback",
  "feedback.retracted": "Retracted feedback",
  "feedback.acknowledged": "Acknowledged feedback",
  "clarification.asked": "Asked about feedback",
  "clarification.answered": "Answered a question",
  "interview.created": "Added an interview",
  "interview.updated": "Edited an interview",
  "interview.outcome_recorded": "Recorded an outcome",
  "candidate.created": "Added a candidate",
  "candidate.updated": "Edited a candidate",
  "candidate.exported": "Exported a candidate's data",
  "data.exported": "Exported a candidate's data",
  "candidate.erased": "Erased a candidate",
  "client.created": "Added a client",
  "client.updated": "Edited a client",
  "job.created": "Added a job",
  "job.updated": "Edited a job",
  "goal.created": "Set a goal",
  "goal.updated": "Edited a goal",
  "goal.status_changed": "Changed a goal's status",
  "goal.commented": "Commented on a goal",
  "journal.created": "Wrote in their journal",
  "journal.updated": "Edited a journal entry",
  "journal.deleted": "Deleted a journal entry",
  "data_request.created": "Asked for erasure",
  "data_request.completed": "Completed a data request",
  "data_request.rejected": "Declined a data request",
  "retention.purged": "Purged expired records",
  "user.invited": "Invited a user",
  "user.role_changed": "Changed role",
  "user.disabled": "Disabled a user",
  "user.enabled": "Re-enabled a user",
  "invitation.accepted": "Accepted an invitation",
  "invitation.resent": "Resent an invitation",
  "invitation.revoked": "Revoked an invitation",
  "settings.updated": "Changed agency settings",
  "agency.settings_updated": "Changed agency settings",
  "taxonomy.created": "Added to the taxonomy",
  "taxonomy.renamed": "Renamed a taxonomy entry",
  "taxonomy.updated": "Edited a taxonomy entry",
  "taxonomy.retired": "Retired a taxonomy entry",
  "taxonomy.restored": "Restored a taxonomy entry",
  "template.created": "Created a template",
  "template.updated": "Edited a template",
  "template.deleted": "Deleted a template",
  "report.exported": "Downloaded a report",
  "mail.retried": "Retried an email",
};

/** "feedback.sent_back" → "Feedback: sent back", for actions added after this list. */
export function auditActionLabel(action: string): string {
  const known = auditActionLabels[action];
  if (known) return known;
  const [entity = action, ...rest] = action.split(".");
  const words = (s: string) => s.replaceAll("_", " ");
  const head = words(entity).replace(/^./, (c) => c.toUpperCase());
  return rest.length ? `${head}: ${words(rest.join(" "))}` : head;
}

export const auditEntityLabels: Record<string, string> = {
  agency: "Agency",
  candidate: "Candidate",
  client: "Client",
  competency: "Competency",
  data_request: "Data request",
  feedback: "Feedback",
  goal: "Goal",
  interview: "Interview",
  invitation: "Invitation",
  job: "Job",
  journal_entry: "Journal entry",
  outbox: "Email",
  reason: "Rejection reason",
  template: "Template",
  user: "User",
};

const isoDay = z.iso.date({ error: "must be a date (YYYY-MM-DD)" }).optional();

export const AUDIT_PAGE_SIZE = 25;

export const auditListInput = z
  .object({
    /** One exact action ("feedback.published"). */
    action: z
      .string({ error: "must be text" })
      .trim()
      .regex(/^[a-z][a-z0-9_.]{0,99}$/, { error: "is not an action name" })
      .optional(),
    group: z
      .enum(auditGroupIds, { error: `must be one of ${auditGroupIds.join(", ")}` })
      .optional(),
    actorId: uuidSchema.optional(),
    entityType: z
      .string({ error: "must be text" })
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,49}$/, { error: "is not an entity type" })
      .optional(),
    /** On or after this day (UTC). */
    from: isoDay,
    /** On or before this day (UTC). */
    to: isoDay,
    /** Keyset cursors: the events older than (before) or newer than (after) this event. */
    before: uuidSchema.optional(),
    after: uuidSchema.optional(),
    limit: z
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(100, { error: "must be at most 100" })
      .default(AUDIT_PAGE_SIZE),
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, {
    path: ["to"],
    error: "must not be before the start date",
  })
  .refine((i) => !(i.before && i.after), {
    path: ["after"],
    error: "cannot be combined with before",
  });
export type AuditListInput = z.input<typeof auditListInput>;

const person = z.object({ id: z.uuid(), name: z.string(), role: z.enum(roles) });

export const auditEventRow = z.object({
  id: z.uuid(),
  createdAt: z.date(),
  action: z.string(),
  /** Null for the system (the retention job) or an actor that no longer exists. */
  actor: person.nullable(),
  entityType: z.string(),
  entityId: z.uuid().nullable(),
  /** A name for the entity as it is now ("Erased candidate" after an erasure); null when unknown. */
  entityLabel: z.string().nullable(),
  /** The consultant-portal page of the entity, when it has one. */
  entityHref: z.string().nullable(),
  requestId: z.string().nullable(),
  /** Ids, kinds, counts and changed field names: never personal content or feedback text. */
  metadata: z.record(z.string(), z.json()),
});
export type AuditEventRow = z.infer<typeof auditEventRow>;

export const auditListOutput = z.object({
  rows: z.array(auditEventRow),
  /** Pass as `after` for the newer page; null on the newest. */
  newer: z.uuid().nullable(),
  /** Pass as `before` for the older page; null on the oldest. */
  older: z.uuid().nullable(),
});
export type AuditListOutput = z.infer<typeof auditListOutput>;

export const auditFacetsOutput = z.object({
  actions: z.array(z.object({ action: z.string(), count: z.int() })),
  actors: z.array(person),
  entityTypes: z.array(z.string()),
});
export type AuditFacets = z.infer<typeof auditFacetsOutput>;
