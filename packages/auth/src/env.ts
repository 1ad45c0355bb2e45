// The auth package's configuration, validated once, on first use.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

let cached: { AUTH_SECRET: string; AUTH_SECURE_COOKIES: boolean } | undefined;

export function authEnv() {
  cached ??= createEnv({
    server: {
      AUTH_SECRET: z
        .string()
        .min(32, { error: "must be at least 32 characters (try: openssl rand -base64 32)" }),
      AUTH_SECURE_COOKIES: z
        .enum(["true", "false"], { error: "must be true or false" })
        .default("false")
        .transform((v) => v === "true"),
    },
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
