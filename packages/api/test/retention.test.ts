// The retention job with an injected clock: a candidate just inside the agency's period stays and
// one just outside is erased; any recent sign of life keeps a candidate; read notifications and
// delivered outbox rows past the period go; each agency keeps its own period; a second run does
// nothing; and the script runs with a --now flag.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture, createCandidate } from "@debrief/db/factories";
import { afterAll, describe, expect, inject, it } from "vitest";
import { purgeExpired } from "../src/services/admin/retention";
import { asAgency, connect } from "./support";

const { app, owner, close } = connect();
afterAll(close);

/** A moment relative to `now`, computed by PostgreSQL as the job computes its cutoff. */
const ago = (now: Date, interval: string) =>
  sql`${now.toISOString()}::timestamptz - ${interval}::interval`;

async function candidateWithHistory(
  f: AgencyFixture,
  name: string,
  now: Date,
  times: { record: string; interview: string; journal?: string },
) {
  const tag = crypto.randomUUID().slice(0, 8);
  const candidate = await asAgency(app, f.users.admin, (tx) =>
    createCandidate(tx, f.agencyId, {
      name,
      email: `${tag}@retention.test`,
      ownerId: f.users.consultant.id,
    }),
  );
  await owner.execute(sql`
    update candidates set created_at = ${ago(now, times.record)}, updated_at = ${ago(now, times.record)}
    where id = ${candidate.id}::uuid`);
  await owner.execute(sql`
    insert into interviews (agency_id, candidate_id, job_id, consultant_id, stage, scheduled_at,
                            outcome, outcome_at, created_at, updated_at)
    values (${f.agencyId}::uuid, ${candidate.id}::uuid, ${f.jobId}::uuid,
            ${f.users.consultant.id}::uuid, 'first', ${ago(now, times.interview)} - interval '2 days',
            'rejected', ${ago(now, times.interview)}, ${ago(now, times.interview)},
            ${ago(now, times.interview)})`);
  if (times.journal) {
    await owner.execute(sql`
      insert into journal_entries (agency_id, candidate_id, kind, title, body, created_at, updated_at)
      values (${f.agencyId}::uuid, ${candidate.id}::uuid, 'reflection', 'Still looking', 'Notes',
              ${ago(now, times.journal)}, ${ago(now, times.journal)})`);
  }
  return candidate.id;
}

async function erased(id: string) {
  const [row] = await owner.execute<{ erased: boolean; name: string }>(
    sql`select erased_at is not null as erased, name from candidates where id = ${id}::uuid`,
  );
  return row;
}

async function audits(agencyId: string) {
  return owner.execute<{ action: string; actor: string | null; metadata: Record<string, unknown> }>(
    sql`select action, actor_id as actor, metadata from audit_events
        where agency_id = ${agencyId}::uuid order by created_at, action`,
  );
}

describe("purgeExpired", () => {
  it("erases who has gone quiet past the period and keeps everyone else, per agency", async () => {
    const now = new Date();
    const f = await createAgencyFixture(app, { label: "Retention" });
    const g = await createAgencyFixture(app, { label: "Retention Long" });
    await owner.execute(
      sql`update agencies set retention_months = 120 where id = ${g.agencyId}::uuid`,
    );

    const inside = await candidateWithHistory(f, "Ina Inside", now, {
      record: "12 months - 1 day",
      interview: "13 months",
    });
    const outside = await candidateWithHistory(f, "Otto Outside", now, {
      record: "12 months 1 day",
      interview: "14 months",
      journal: "13 months",
    });
    // An old record, but a journal entry last month: still active.
    const engaged = await candidateWithHistory(f, "Eve Engaged", now, {
      record: "3 years",
      interview: "2 years",
      journal: "1 month",
    });
    // Thirteen months quiet, in an agency that keeps ten years.
    const longKept = await candidateWithHistory(g, "Lou Longkept", now, {
      record: "13 months",
      interview: "13 months",
    });

    // Notices and outbox rows: only read or delivered ones past the period go.
    for (const agency of [f, g]) {
      await owner.execute(sql`
        insert into notifications (agency_id, user_id, kind, title, read_at, created_at) values
          (${agency.agencyId}::uuid, ${agency.users.admin.id}::uuid, 'old.read', 'Old and read',
             ${ago(now, "13 months")}, ${ago(now, "13 months")}),
          (${agency.agencyId}::uuid, ${agency.users.admin.id}::uuid, 'old.unread', 'Old, unread',
             null, ${ago(now, "13 months")}),
          (${agency.agencyId}::uuid, ${agency.users.admin.id}::uuid, 'new.read', 'New and read',
             ${ago(now, "1 day")}, ${ago(now, "2 days")})`);
      await owner.execute(sql`
        insert into outbox (agency_id, topic, payload, processed_at, created_at) values
          (${agency.agencyId}::uuid, 'old.sent', '{}'::jsonb, ${ago(now, "13 months")}, ${ago(now, "13 months")}),
          (${agency.agencyId}::uuid, 'old.stuck', '{}'::jsonb, null, ${ago(now, "13 months")})`);
    }

    const results = await purgeExpired({ db: app, now, agencyIds: [f.agencyId, g.agencyId] });
    expect(results).toEqual([
      expect.objectContaining({
        agencyId: f.agencyId,
        retentionMonths: 12,
        candidatesErased: 1,
        notifications: 1,
        outbox: 1,
      }),
      expect.objectContaining({
        agencyId: g.agencyId,
        retentionMonths: 120,
        candidatesErased: 0,
        notifications: 0,
        outbox: 0,
      }),
    ]);
    expect(await erased(outside)).toEqual({ erased: true, name: "Erased candidate" });
    for (const kept of [inside, engaged, f.candidates.a, f.candidates.b, longKept]) {
      expect((await erased(kept))?.erased).toBe(false);
    }
    const left = await owner.execute<{ kind: string }>(
      sql`select kind from notifications where agency_id = ${f.agencyId}::uuid
          and kind in ('old.read', 'old.unread', 'new.read') order by kind`,
    );
    expect(left.map((n) => n.kind)).toEqual(["new.read", "old.unread"]);
    const outbox = await owner.execute<{ topic: string }>(
      sql`select topic from outbox where agency_id = ${f.agencyId}::uuid and topic like 'old.%'`,
    );
    expect(outbox.map((o) => o.topic)).toEqual(["old.stuck"]);
    const [keptInG] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications where agency_id = ${g.agencyId}::uuid
          and kind = 'old.read'`,
    );
    expect(keptInG?.n).toBe(1);

    // The system did it: no actor, counts only.
    const trail = await audits(f.agencyId);
    expect(trail).toEqual([
      expect.objectContaining({
        action: "candidate.erased",
        actor: null,
        metadata: expect.objectContaining({ trigger: "retention" }),
      }),
      expect.objectContaining({
        action: "retention.purged",
        actor: null,
        metadata: expect.objectContaining({
          retentionMonths: 12,
          candidatesErased: 1,
          notifications: 1,
          outbox: 1,
        }),
      }),
    ]);
    expect(JSON.stringify(trail)).not.toContain("Otto");
    expect(await audits(g.agencyId)).toEqual([]);

    // Idempotent: the same clock again finds nothing and records nothing.
    const again = await purgeExpired({ db: app, now, agencyIds: [f.agencyId, g.agencyId] });
    expect(again.map((r) => [r.candidatesErased, r.notifications, r.outbox])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(await audits(f.agencyId)).toHaveLength(2);

    // Two days on, the candidate who was just inside has gone quiet too.
    const later = new Date(now.getTime() + 2 * 86_400_000);
    const [next] = await purgeExpired({ db: app, now: later, agencyIds: [f.agencyId] });
    expect(next?.candidatesErased).toBe(1);
    expect((await erased(inside))?.erased).toBe(true);
    expect((await erased(engaged))?.erased).toBe(false);
  });
});

describe("npm run db:retention", () => {
  const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));
  const script = fileURLToPath(new URL("../src/cli/retention.ts", import.meta.url));
  const run = (...args: string[]) =>
    spawnSync(tsx, [script, ...args], {
      encoding: "utf8",
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: inject("ownerUrl"),
        APP_DATABASE_URL: inject("appUrl"),
      },
    });

  it("runs every agency at the clock it is given", async () => {
    const f = await createAgencyFixture(app, { label: "Retention Script" });
    // Long before anything in the test database existed: nothing is due, everything is listed.
    const out = run("--now=2001-02-03T04:05:06Z");
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("retention as of 2001-02-03T04:05:06.000Z");
    expect(out.stdout).toContain(`${f.agencyName}: keeps 12 months`);
    expect(out.stdout).toContain("0 candidates erased");
    expect((await erased(f.candidates.a))?.erased).toBe(false);
  });

  it("refuses a clock that is not a date", () => {
    const out = run("--now=next-tuesday");
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--now: "next-tuesday" is not a date');
  });
});
