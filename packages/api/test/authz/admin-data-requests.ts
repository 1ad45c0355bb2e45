// Authorization-matrix entries for admin.dataRequests.* (see ../authorization.test.ts). Each cell
// that writes gets a candidate of its own, so an allowed erasure in one cell cannot disturb another;
// a denied one must leave the candidate, their requests and the audit trail as they were.
import { schema as s, sql } from "@debrief/db";
import { type AgencyFixture, createCandidate, createUser } from "@debrief/db/factories";
import { expect } from "vitest";
import { asAgency } from "../support";
import { adminOnlyList, adminRecord, type MatrixFragment } from "./patterns";

const unique = () => crypto.randomUUID().slice(0, 8);

const idOf = (input: unknown, key: string) => {
  const value = (input as Record<string, unknown>)[key];
  if (typeof value !== "string") throw new Error(`input has no ${key}`);
  return value;
};

export const adminDataRequestsMatrix: MatrixFragment = ({ app, owner }) => {
  const freshCandidate = (f: AgencyFixture) => {
    const tag = unique();
    return asAgency(app, f.users.admin, (tx) =>
      createCandidate(tx, f.agencyId, {
        name: `Matrix Erasable ${tag}`,
        email: `matrix-erasable-${tag}@example.test`,
        ownerId: f.users.consultant.id,
        headline: "Matrix headline",
      }),
    );
  };

  /** A pending erasure request, asked by a fresh candidate through their own login. */
  const freshPendingRequest = (f: AgencyFixture) => {
    const tag = unique();
    return asAgency(app, f.users.admin, async (tx) => {
      const user = await createUser(tx, f.agencyId, {
        email: `matrix-asker-${tag}@example.test`,
        name: `Matrix Asker ${tag}`,
        role: "candidate",
        // Not an argon2 hash: nobody signs in as this user; active accounts need one.
        passwordHash: "!matrix-user-cannot-sign-in",
      });
      const candidate = await createCandidate(tx, f.agencyId, {
        name: user.name,
        email: user.email,
        ownerId: f.users.consultant.id,
        userId: user.id,
      });
      const [row] = await tx
        .insert(s.dataRequests)
        .values({
          agencyId: f.agencyId,
          candidateId: candidate.id,
          kind: "erasure",
          requestedById: user.id,
        })
        .returning({ id: s.dataRequests.id });
      if (!row) throw new Error("no data request");
      return row.id;
    });
  };

  /** The candidate as stored, their data requests and the audit rows about them. */
  const candidateState = async (candidateId: string) => {
    const [row] = await owner.execute<{
      name: string;
      headline: string | null;
      erased: boolean;
      requests: number;
      audits: number;
    }>(
      sql`select c.name, c.headline, c.erased_at is not null as erased,
                 (select count(*)::int from data_requests d where d.candidate_id = c.id) as requests,
                 (select count(*)::int from audit_events e where e.entity_id = c.id) as audits
          from candidates c where c.id = ${candidateId}::uuid`,
    );
    return row;
  };

  return {
    "admin.dataRequests.list": { input: async () => ({}), expect: adminOnlyList },
    "admin.dataRequests.exportCandidate": {
      input: async ({ home }) => ({ candidateId: (await freshCandidate(home)).id }),
      expect: adminRecord,
      unchanged: async (_, input) => {
        expect(await candidateState(idOf(input, "candidateId"))).toMatchObject({
          erased: false,
          requests: 0,
          audits: 0,
        });
      },
    },
    "admin.dataRequests.erase": {
      input: async ({ home }) => {
        const candidate = await freshCandidate(home);
        return { candidateId: candidate.id, confirmation: candidate.name };
      },
      expect: adminRecord,
      unchanged: async (_, input) => {
        expect(await candidateState(idOf(input, "candidateId"))).toEqual({
          name: idOf(input, "confirmation"),
          headline: "Matrix headline",
          erased: false,
          requests: 0,
          audits: 0,
        });
      },
    },
    "admin.dataRequests.reject": {
      input: async ({ home }) => ({
        dataRequestId: await freshPendingRequest(home),
        reason: "Written by the matrix",
      }),
      expect: adminRecord,
      unchanged: async (_, input) => {
        const id = idOf(input, "dataRequestId");
        const rows = await owner.execute<{ status: string; note: string | null; audits: number }>(
          sql`select status::text as status, note,
                     (select count(*)::int from audit_events e where e.entity_id = d.id) as audits
              from data_requests d where d.id = ${id}::uuid`,
        );
        expect(rows).toEqual([{ status: "pending", note: null, audits: 0 }]);
      },
    },
  };
};
