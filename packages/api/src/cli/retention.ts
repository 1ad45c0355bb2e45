// `npm run db:retention [-- --now=2026-01-31T00:00:00Z]`: purges what every agency keeps past its
// retention period. Lists the agencies as the database owner (DATABASE_URL), then does the work
// as the app role, one agency at a time inside its tenant, so row-level security holds.
import { createDb, sql } from "@debrief/db";
import { appDatabaseUrl, dbEnv } from "@debrief/db/env";
import { purgeExpired } from "../services/admin/retention";

function clock(args: string[]): Date {
  const flag = args.find((a) => a.startsWith("--now="));
  if (!flag) return new Date();
  const value = flag.slice("--now=".length);
  const now = new Date(value);
  if (!value || Number.isNaN(now.getTime())) {
    throw new Error(
      `--now: "${value}" is not a date (use an ISO date such as 2026-01-31T00:00:00Z)`,
    );
  }
  return now;
}

let now: Date;
try {
  now = clock(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const env = dbEnv();
const owner = createDb(env.DATABASE_URL, { max: 1 });
const app = createDb(appDatabaseUrl(env.DATABASE_URL, env.APP_DATABASE_URL), { max: 1 });
try {
  const agencies = await owner.execute<{ id: string; name: string }>(
    sql`select id, name from agencies order by name`,
  );
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const results = await purgeExpired({ db: app, now, agencyIds: agencies.map((a) => a.id) });
  console.log(`retention as of ${now.toISOString()}`);
  for (const r of results) {
    console.log(
      `  ${names.get(r.agencyId)}: keeps ${r.retentionMonths} months (before ${r.cutoff.toISOString()} goes): ` +
        `${r.candidatesErased} candidates erased, ${r.notifications} read notifications and ` +
        `${r.outbox} delivered outbox rows and ${r.mail} sent emails deleted`,
    );
  }
} finally {
  await owner.$client.end();
  await app.$client.end();
}
