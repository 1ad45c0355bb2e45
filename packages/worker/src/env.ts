// The worker's configuration, validated once at start-up: a malformed variable stops it with a
// message that names the variable. The launcher (`npm start`) validates SMTP_URL with the same
// schema before it starts anything.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** smtp:// (STARTTLS when offered) or smtps:// (TLS from the start), with a host. */
export const smtpUrl = z
  .string()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    {
      error:
        "must be an smtp:// or smtps:// URL with a host, e.g. smtp://user:pass@mail.example.com:587",
    },
  )
  .optional();

export const mailFrom = z
  .string()
  .regex(/^(?:[^<>\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, {
    error: 'must be an address, e.g. "Debrief <notifications@example.com>"',
  })
  .default("Debrief <notifications@debrief.local>");

let cached: { SMTP_URL?: string; MAIL_FROM: string } | undefined;

export function workerEnv() {
  cached ??= createEnv({
    server: { SMTP_URL: smtpUrl, MAIL_FROM: mailFrom },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      const lines = issues.map((i) => `  ${i.path?.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
    },
  });
  return cached;
}
