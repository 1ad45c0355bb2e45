import { createDb } from "../client";
import { dbEnv } from "../env";
import { assertLocal, seedDemo } from "../seed";

const env = dbEnv();
assertLocal(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL, { max: 1 });
const { seeded } = await seedDemo(db);
console.log(seeded ? "demo data seeded" : "database already has data: seed skipped");
await db.$client.end();
