// `npm run worker`: one worker process against DATABASE_URL (the owner; the app role's URL is
// derived as the portals derive it). Runs until SIGINT or SIGTERM, then finishes its jobs.
import { apiEnv } from "@debrief/api/env";
import { appDatabaseUrl, dbEnv } from "@debrief/db/env";
import { workerEnv } from "./env";
import { startWorker } from "./worker";

let env: ReturnType<typeof workerEnv> & ReturnType<typeof dbEnv>;
try {
  env = { ...dbEnv(), ...workerEnv() };
  apiEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const worker = await startWorker({
  ownerUrl: env.DATABASE_URL,
  appUrl: appDatabaseUrl(env.DATABASE_URL, env.APP_DATABASE_URL),
  smtpUrl: env.SMTP_URL,
  mailFrom: env.MAIL_FROM,
});
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void worker.stop().then(() => process.exit(0));
  });
}
