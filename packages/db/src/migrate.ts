// Applies the committed migrations as the owner, secures tenant tables, (re)grants the app role,
// and installs the job queue.
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { installQueues } from "./queue";

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

export async function runMigrations(ownerUrl: string, appUrl: string): Promise<void> {
  const app = new URL(appUrl);
  const owner = new URL(ownerUrl);
  const role = decodeURIComponent(app.username);
  if (!/^[a-z_][a-z0-9_]*$/.test(role))
    throw new Error(`APP_DATABASE_URL: role name "${role}" is not a plain identifier`);
  if (role === decodeURIComponent(owner.username)) {
    throw new Error(
      "APP_DATABASE_URL: the app role must differ from the DATABASE_URL owner, or row-level security would not hold",
    );
  }
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle({ client: sql }), { migrationsFolder });
    await sql`select debrief_secure_tenant_tables()`;
    const password = `'${decodeURIComponent(app.password).replaceAll("'", "''")}'`;
    const attrs = `LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${password}`;
    // Roles are cluster-wide: migrations of several databases at once (parallel test packages)
    // can race on the same role row. Retry the losers; the statement is idempotent.
    for (let attempt = 1; ; attempt++) {
      try {
        const exists = await sql`select 1 from pg_roles where rolname = ${role}`;
        await sql.unsafe(`${exists.length ? "ALTER" : "CREATE"} ROLE ${role} ${attrs}`);
        break;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || (code !== "XX000" && code !== "23505" && code !== "42710")) throw error;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
    const [{ db } = { db: "" }] = await sql<{ db: string }[]>`select current_database() as db`;
    await sql.unsafe(`
      GRANT CONNECT ON DATABASE "${db.replaceAll('"', '""')}" TO ${role};
      GRANT USAGE ON SCHEMA public TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role};
      GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role};
      REVOKE ALL ON FUNCTION debrief_secure_tenant_tables() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION debrief_auth_user_by_email(text), debrief_session_user(uuid),
        debrief_invitation_by_token_hash(text) TO ${role};
    `);
  } finally {
    await sql.end();
  }
  await installQueues(ownerUrl, role);
}
