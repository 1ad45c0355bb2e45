// Runs once when a portal's server starts: a missing or malformed variable stops it, by name.
import { authEnv } from "@debrief/auth/env";
import { dbEnv } from "@debrief/db/env";

export function validateServerEnv() {
  try {
    dbEnv();
    authEnv();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
