// Authorization-matrix entries for admin.reports.* (see ../authorization.test.ts).
//
// The agency-wide views without a filter id are adminOnlyList: another agency's admin gets their
// own agency's figures, and the leak check proves none of the home agency's ids are in them. With
// a home-agency consultant, client or job as a filter they are adminRecord: for another agency's
// admin that id does not exist (NOT_FOUND), so nothing of the home agency is even counted.
import { sql } from "@debrief/db";
import { expect } from "vitest";
import { adminOnlyList, adminRecord, type MatrixFragment } from "./patterns";

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A range of its own (from 2017–2021, to 2022–today), to find the audit row a cell wrote. */
function uniqueRange() {
  const from = Date.UTC(2017, 0, 1) + Math.floor(Math.random() * 1826) * DAY;
  const start = Date.UTC(2022, 0, 1);
  const to = start + Math.floor(Math.random() * ((Date.now() - start) / DAY)) * DAY;
  return { from: isoDay(from), to: isoDay(to) };
}

export const adminReportsMatrix: MatrixFragment = ({ owner }) => {
  /** report.exported events, in any agency, for the range a cell used. */
  const exportsFor = async (input: unknown) => {
    const { from, to } = input as { from: string; to: string };
    const rows = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events
          where action = 'report.exported'
            and metadata -> 'filters' ->> 'from' = ${from}
            and metadata -> 'filters' ->> 'to' = ${to}`,
    );
    return rows[0]?.n ?? -1;
  };

  return {
    "admin.reports.filterOptions": { input: async () => undefined, expect: adminOnlyList },
    "admin.reports.overview": { input: async () => ({}), expect: adminOnlyList },
    "admin.reports.coverage": {
      input: async ({ home }) => ({ consultantId: home.users.consultant.id, view: "client" }),
      expect: adminRecord,
    },
    "admin.reports.timeToFeedback": {
      input: async ({ home }) => ({ clientId: home.clientId, view: "consultant" }),
      expect: adminRecord,
    },
    "admin.reports.reasons": {
      input: async ({ home }) => ({ jobId: home.jobId, view: "lens", of: "competency" }),
      expect: adminRecord,
    },
    "admin.reports.engagement": {
      input: async ({ home }) => ({ consultantId: home.users.consultant.id }),
      expect: adminRecord,
    },
    "admin.reports.outcomes": {
      input: async ({ home }) => ({ clientId: home.clientId, view: "client" }),
      expect: adminRecord,
    },
    "admin.reports.exportCsv": {
      // Writes an audit event: a denied cell must have written none, in any agency.
      input: async ({ home }) => ({
        report: "coverage",
        view: "consultant",
        consultantId: home.users.consultant.id,
        ...uniqueRange(),
      }),
      expect: adminRecord,
      unchanged: async (_, input) => {
        expect(await exportsFor(input)).toBe(0);
      },
    },
  };
};
