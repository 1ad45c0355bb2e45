// Authorization-matrix entries for admin.users.* (see ../authorization.test.ts). Every writing cell
// gets a user of its own in the home agency, so cells never see each other's changes.
import { type Database, sql, withTenant } from "@debrief/db";
import {
  type AgencyFixture,
  createInvitedUser,
  createUser,
  type FixtureUser,
} from "@debrief/db/factories";
import type { UserStatus } from "@debrief/validators";
import { expect } from "vitest";
import { adminOnlyList, adminRecord, type MatrixFragment } from "./patterns";

const tag = () => crypto.randomUUID().slice(0, 8);

function asAdmin<T>(app: Database, admin: FixtureUser, fn: Parameters<typeof withTenant<T>>[2]) {
  return withTenant(app, { agencyId: admin.agencyId, userId: admin.id, role: "admin" }, fn);
}

const userId = (input: unknown) => {
  const value = (input as { userId?: unknown }).userId;
  if (typeof value !== "string") throw new Error("input has no userId");
  return value;
};

export const adminUsersMatrix: MatrixFragment = ({ app, owner }) => {
  /** A consultant of the home agency with the given status (disabled ones had a password). */
  const freshStaff = (f: AgencyFixture, status: UserStatus) =>
    asAdmin(app, f.users.admin, (tx) =>
      createUser(tx, f.agencyId, {
        email: `matrix-user-${tag()}@example.test`,
        name: `Matrix User ${tag()}`,
        role: "consultant",
        status,
        passwordHash: "!matrix-cannot-sign-in",
      }),
    );
  const freshInvited = (f: AgencyFixture) =>
    asAdmin(app, f.users.admin, (tx) =>
      createInvitedUser(tx, f.agencyId, {
        email: `matrix-invited-${tag()}@example.test`,
        name: `Matrix Invited ${tag()}`,
        role: "consultant",
        invitedById: f.users.admin.id,
      }),
    );

  const userColumn = async (input: unknown, column: "status" | "role") => {
    const [row] = await owner.execute<{ value: string }>(
      sql`select ${sql.identifier(column)}::text as value from users where id = ${userId(input)}::uuid`,
    );
    return row?.value;
  };
  /** The user's invitations as they stand: a denied resend or revoke must leave them exactly so. */
  const invitations = (input: unknown) =>
    owner.execute<{ token_hash: string; revoked: boolean }>(
      sql`select token_hash, revoked_at is not null as revoked from invitations
          where user_id = ${userId(input)}::uuid order by created_at`,
    );
  const expectOnePending = async (input: unknown) => {
    const rows = await invitations(input);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.revoked).toBe(false);
  };

  return {
    "admin.users.list": { input: async () => ({ pageSize: 50 }), expect: adminOnlyList },
    "admin.users.invite": {
      // Nothing of the home agency is named: another agency's admin invites into their own.
      input: async () => ({
        email: `matrix-invite-${tag()}@example.test`,
        name: "Matrix Invitee",
        role: "consultant",
      }),
      expect: adminOnlyList,
      unchanged: async (_, input) => {
        const email = (input as { email: string }).email;
        const rows = await owner.execute(sql`select id from users where email = ${email}`);
        expect(rows).toHaveLength(0);
      },
    },
    "admin.users.resendInvitation": {
      input: async ({ home }) => ({ userId: (await freshInvited(home)).user.id }),
      expect: adminRecord,
      unchanged: async (_, input) => expectOnePending(input),
    },
    "admin.users.revokeInvitation": {
      input: async ({ home }) => ({ userId: (await freshInvited(home)).user.id }),
      expect: adminRecord,
      unchanged: async (_, input) => expectOnePending(input),
    },
    "admin.users.disable": {
      input: async ({ home }) => ({ userId: (await freshStaff(home, "active")).id }),
      expect: adminRecord,
      unchanged: async (_, input) => expect(await userColumn(input, "status")).toBe("active"),
    },
    "admin.users.enable": {
      input: async ({ home }) => ({ userId: (await freshStaff(home, "disabled")).id }),
      expect: adminRecord,
      unchanged: async (_, input) => expect(await userColumn(input, "status")).toBe("disabled"),
    },
    "admin.users.changeRole": {
      input: async ({ home }) => ({
        userId: (await freshStaff(home, "active")).id,
        role: "admin",
      }),
      expect: adminRecord,
      unchanged: async (_, input) => expect(await userColumn(input, "role")).toBe("consultant"),
    },
  };
};
