// Agencies (tenants), the people who sign in, invitations and sign-in throttling.
import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, id, timestamps } from "./columns";
import { roleEnum, userStatusEnum } from "./enums";

export const agencies = pgTable(
  "agencies",
  {
    id: id(),
    name: text().notNull(),
    slug: text().notNull().unique(),
    feedbackSlaHours: integer().notNull().default(72),
    requireApproval: boolean().notNull().default(false),
    retentionMonths: integer().notNull().default(12),
    ...timestamps(),
  },
  (t) => [
    check("agencies_sla_positive", sql`${t.feedbackSlaHours} between 1 and 2160`),
    check("agencies_retention_positive", sql`${t.retentionMonths} between 1 and 120`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    email: text().notNull(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    status: userStatusEnum().notNull().default("invited"),
    passwordHash: text(),
    /** Notification kinds this user gets in the app only, not by email. */
    emailMuted: text().array().notNull().default(sql`'{}'::text[]`),
    ...timestamps(),
  },
  (t) => [
    unique("users_agency_id_id_key").on(t.agencyId, t.id),
    // One sign-in belongs to one agency in this version: email is unique across Debrief.
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_agency_role_idx").on(t.agencyId, t.role),
    // The agency's staff (a few hundred among tens of thousands of candidate users).
    index("users_staff_idx").on(t.agencyId, t.id).where(sql`${t.role} <> 'candidate'`),
    check(
      "users_active_has_password",
      sql`${t.status} <> 'active' or ${t.passwordHash} is not null`,
    ),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    userId: uuid().notNull(),
    invitedById: uuid(),
    tokenHash: text().notNull().unique(),
    expiresAt: at().notNull(),
    acceptedAt: at(),
    revokedAt: at(),
    ...timestamps(),
  },
  (t) => [
    foreignKey({
      columns: [t.agencyId, t.userId],
      foreignColumns: [users.agencyId, users.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.invitedById],
      foreignColumns: [users.agencyId, users.id],
    }),
    index("invitations_agency_user_idx").on(t.agencyId, t.userId),
    index("invitations_agency_invited_by_idx").on(t.agencyId, t.invitedById),
  ],
);

// Not a tenant table: sign-in happens before anyone knows the agency.
// Shared by every replica, so throttling holds behind a load balancer.
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: id(),
    key: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: timestamps().createdAt,
  },
  (t) => [index("login_attempts_key_created_idx").on(t.key, t.createdAt)],
);

export const agenciesRelations = relations(agencies, ({ many }) => ({
  users: many(users),
}));

export const usersRelations = relations(users, ({ one }) => ({
  agency: one(agencies, { fields: [users.agencyId], references: [agencies.id] }),
}));
