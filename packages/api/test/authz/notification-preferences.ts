// Authorization-matrix entries for notification.emailPreferences / setEmailPreference (see
// ../authorization.test.ts). A candidate reads and changes their own preferences only: there is no
// target id to point at someone else's, so every candidate is allowed (on their own row) and staff
// are refused by role.
import { sql } from "@debrief/db";
import { expect } from "vitest";
import { candidateList, type MatrixFragment, type Scenario } from "./patterns";

export const notificationPreferencesMatrix: MatrixFragment = ({ owner }) => {
  /** Users of both agencies, other than the candidates the matrix allows, who mute any email. */
  const mutedOutsideCandidates = async ({ home, foreign }: Scenario) => {
    const rows = await owner.execute<{ id: string }>(
      sql`select id from users
          where agency_id in (${home.agencyId}::uuid, ${foreign.agencyId}::uuid)
            and role <> 'candidate' and cardinality(email_muted) > 0`,
    );
    return rows.map((r) => r.id);
  };

  return {
    "notification.emailPreferences": { input: async () => undefined, expect: candidateList },
    "notification.setEmailPreference": {
      input: async () => ({ kind: "feedback.revised", email: false }),
      expect: candidateList,
      // Staff and anonymous callers change no one's preferences (staff have none to change).
      unchanged: async (scenario) => {
        expect(await mutedOutsideCandidates(scenario)).toEqual([]);
      },
    },
  };
};
