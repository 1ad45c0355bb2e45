// Authorization-matrix entries for admin.mail.* (see ../authorization.test.ts). The lists read the
// caller's own agency; a message or outbox row of the home agency is found by its admin only. Each
// retry cell gets a parked row of its own; a denied retry must leave it parked with no new job.
import { schema as s, sql, type Tx } from "@debrief/db";
import type { AgencyFixture } from "@debrief/db/factories";
import { expect } from "vitest";
import { asAgency } from "../support";
import { adminOnlyList, adminRecord, type MatrixFragment } from "./patterns";

const outboxIdOf = (input: unknown) => {
  const value = (input as { outboxId?: unknown }).outboxId;
  if (typeof value !== "string") throw new Error("input has no outboxId");
  return value;
};

export const adminMailMatrix: MatrixFragment = ({ app, owner }) => {
  /** An outbox row telling the consultant something (parked: every retry failed). */
  const insertOutbox = async (tx: Tx, f: AgencyFixture, parked: boolean) => {
    const [row] = await tx
      .insert(s.outbox)
      .values({
        agencyId: f.agencyId,
        topic: "goal.commented",
        payload: { userId: f.users.consultant.id, notificationId: crypto.randomUUID() },
        attempts: parked ? 10 : 1,
        lastError: parked ? "Matrix: connection refused" : null,
        parkedAt: parked ? new Date() : null,
        processedAt: parked ? null : new Date(),
      })
      .returning({ id: s.outbox.id });
    if (!row) throw new Error("no outbox row");
    return row.id;
  };
  const freshParked = (f: AgencyFixture) =>
    asAgency(app, f.users.admin, (tx) => insertOutbox(tx, f, true));
  /** A delivered message kept in the dev mailbox. */
  const freshMessage = (f: AgencyFixture) =>
    asAgency(app, f.users.admin, async (tx) => {
      const outboxId = await insertOutbox(tx, f, false);
      const [row] = await tx
        .insert(s.mailMessages)
        .values({
          agencyId: f.agencyId,
          outboxId,
          userId: f.users.consultant.id,
          toAddress: f.users.consultant.email,
          subject: "Matrix message",
          textBody: "Matrix text",
          htmlBody: "<p>Matrix html</p>",
          transport: "dev",
        })
        .returning({ id: s.mailMessages.id });
      if (!row) throw new Error("no mail message");
      return row.id;
    });

  return {
    "admin.mail.list": { input: async () => ({}), expect: adminOnlyList },
    "admin.mail.get": {
      input: async ({ home }) => ({ id: await freshMessage(home) }),
      expect: adminRecord,
    },
    "admin.mail.queue": { input: async () => undefined, expect: adminOnlyList },
    "admin.mail.counts": { input: async () => undefined, expect: adminOnlyList },
    "admin.mail.retry": {
      input: async ({ home }) => ({ outboxId: await freshParked(home) }),
      expect: adminRecord,
      unchanged: async (_, input) => {
        const id = outboxIdOf(input);
        const rows = await owner.execute<{ parked: boolean; jobs: number; audits: number }>(
          sql`select o.parked_at is not null as parked,
                     (select count(*)::int from pgboss.job j
                      where j.name = 'outbox.deliver' and j.data->>'outboxId' = o.id::text) as jobs,
                     (select count(*)::int from audit_events e where e.entity_id = o.id) as audits
              from outbox o where o.id = ${id}::uuid`,
        );
        expect(rows).toEqual([{ parked: true, jobs: 0, audits: 0 }]);
      },
    },
  };
};
