import { appDatabaseUrl, dbEnv } from "../env";
import { runMigrations } from "../migrate";

const env = dbEnv();
await runMigrations(env.DATABASE_URL, appDatabaseUrl(env.DATABASE_URL, env.APP_DATABASE_URL));
console.log("migrations applied");
