// Cross-cutting records: notifications, the transactional outbox, audit trail, data requests.
import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, timestamps } from "./columns";
import { dataRequestKindEnum, dataRequestStatusEnum } from "./enums";
import { candidates } from "./pipeline";
import { agencies, users } from "./tenancy";

const agencyId = () =>
  uuid()
    .notNull()
    .references(() => agencies.id, { onDelete: "cascade" });

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    agencyId: agencyId(),
    userId: uuid().notNull(),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    link: text(),
    readAt: at(),
    /** Set by scheduled notices (SLA reminders, digests): the same key never notifies twice. */
    dedupeKey: text(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.agencyId, t.userId],
      foreignColumns: [users.agencyId, users.id],
    }).onDelete("cascade"),
    index("notifications_user_idx").on(t.agencyId, t.userId, t.createdAt),
    uniqueIndex("notifications_dedupe_key")
      .on(t.agencyId, t.userId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
  ],
);

// Written in the same transaction as the change it announces, together with the queue job that
// tells the worker to deliver it. processed_at is set once, in the transaction that delivers.
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    agencyId: agencyId(),
    topic: text().notNull(),
    payload: jsonb().notNull(),
    attempts: integer().notNull().default(0),
    processedAt: at(),
    /** What was done with it when processed: sent, or skipped (and why). */
    outcome: text(),
    lastError: text(),
    /** Set when every retry failed: waits for an admin's "Retry". */
    parkedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_pending_idx").on(t.agencyId, t.createdAt).where(sql`${t.processedAt} is null`),
  ],
);

// Every email the worker delivered: the dev mailbox when SMTP_URL is unset, the sent log otherwise.
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: id(),
    agencyId: agencyId(),
    /** One message per outbox row, whatever happens to retries. */
    outboxId: uuid().notNull(),
    userId: uuid(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    /** "dev" (kept here only) or "smtp" (handed to the SMTP server). */
    transport: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("mail_messages_outbox_key").on(t.outboxId),
    index("mail_messages_agency_created_idx").on(t.agencyId, t.createdAt),
    index("mail_messages_user_idx").on(t.agencyId, t.userId),
    foreignKey({
      columns: [t.agencyId, t.userId],
      foreignColumns: [users.agencyId, users.id],
    }).onDelete("cascade"),
  ],
);

// Append-only: the app role may insert and read, never update or delete. Never holds feedback text.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    agencyId: agencyId(),
    actorId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: uuid(),
    requestId: text(),
    metadata: jsonb().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_events_agency_created_idx").on(t.agencyId, t.createdAt),
    index("audit_events_entity_idx").on(t.agencyId, t.entityType, t.entityId),
    index("audit_events_actor_idx").on(t.agencyId, t.actorId),
  ],
);

export const dataRequests = pgTable(
  "data_requests",
  {
    id: id(),
    agencyId: agencyId(),
    candidateId: uuid().notNull(),
    kind: dataRequestKindEnum().notNull(),
    status: dataRequestStatusEnum().notNull().default("pending"),
    requestedById: uuid().notNull(),
    completedAt: at(),
    note: text(),
    ...timestamps(),
  },
  (t) => [
    foreignKey({
      columns: [t.agencyId, t.candidateId],
      foreignColumns: [candidates.agencyId, candidates.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.requestedById],
      foreignColumns: [users.agencyId, users.id],
    }),
    index("data_requests_candidate_idx").on(t.agencyId, t.candidateId),
    index("data_requests_status_idx").on(t.agencyId, t.status),
    index("data_requests_requested_by_idx").on(t.agencyId, t.requestedById),
  ],
);

// A mutation sent with an Idempotency-Key header: the same key again (a retry) gets the stored
// answer instead of a second change; the same key with another request is refused. Kept a day.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    agencyId: agencyId(),
    userId: uuid().notNull(),
    key: text().notNull(),
    /** The procedure and a SHA-256 of its input: a reused key must come with the same request. */
    path: text().notNull(),
    requestHash: text().notNull(),
    /** The answer, superjson-serialised, written in the same transaction as the change. */
    response: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.userId, t.key] }),
    foreignKey({
      columns: [t.agencyId, t.userId],
      foreignColumns: [users.agencyId, users.id],
    }).onDelete("cascade"),
    index("idempotency_keys_created_idx").on(t.agencyId, t.createdAt),
  ],
);

// Sessions ended by signing out. A session token stays cryptographically valid until it expires,
// so its id is kept here until then and every request checks it. Not a tenant table: it holds
// random ids and expiry times only.
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: uuid().primaryKey(),
    expiresAt: at().notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);
