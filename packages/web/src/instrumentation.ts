// Runs once when a portal's server starts: any missing or malformed variable stops it, by name.
import { apiEnv } from "@debrief/api/env";
import { authEnv } from "@debrief/auth/env";
import { dbEnv } from "@debrief/db/env";

export function validateServerEnv() {
  const problems: string[] = [];
  for (const check of [dbEnv, authEnv, apiEnv]) {
    try {
      check();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length === 0) return;
  console.error(`\n${problems.join("\n")}\n`);
  process.exit(1);
}
