import { sql } from "drizzle-orm";
import { expect, inject, test } from "vitest";
import { createDb } from "../src/client";

test("connects as the app role", async () => {
  const db = createDb(inject("appUrl"), { max: 1 });
  const rows = await db.execute<{ u: string }>(sql`select current_user as u`);
  expect(rows[0]?.u).toBe("debrief_app");
  await db.$client.end();
});
