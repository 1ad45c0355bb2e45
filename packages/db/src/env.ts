// The database package's configuration, validated once, on first use.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const schema = {
  DATABASE_URL: z.url({
    protocol: /^postgres(ql)?$/,
    error: "must be a postgres:// URL",
  }),
  APP_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" })
    .optional(),
};

let cached: { DATABASE_URL: string; APP_DATABASE_URL?: string } | undefined;

/** Throws an error naming every missing or malformed variable. */
export function dbEnv() {
  cached ??= createEnv({
    server: schema,
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    // `next build` imports server modules without a runtime environment; start-up validates.
    skipValidation: !!process.env.SKIP_ENV_VALIDATION,
    onValidationError: (issues) => {
      const lines = issues.map((i) => `  ${i.path?.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
    },
  });
  return cached;
}

export const APP_ROLE = "debrief_app";

/**
 * The app connects as a role that owns nothing and bypasses nothing, so row-level security
 * holds. Unless APP_DATABASE_URL says otherwise, it is the owner's URL with that role's name.
 */
export function appDatabaseUrl(ownerUrl: string, explicit?: string): string {
  if (explicit) return explicit;
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = APP_ROLE;
  return url.toString();
}
