// The launcher's own settings, validated once. It passes the rest on to the apps it starts.
import { mailFrom, smtpUrl } from "@debrief/worker/env";
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const port = (fallback: number) =>
  z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(fallback);
const pgUrl = z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }).optional();

export const env = createEnv({
  server: {
    DATABASE_URL: pgUrl,
    APP_DATABASE_URL: pgUrl,
    TEST_DATABASE_URL: pgUrl,
    AUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
    EMBEDDED_PG_PORT: port(54329),
    CONSULTANT_PORT: port(3000),
    CANDIDATE_PORT: port(3001),
    // Where people reach the portals (links in invitations and emails); localhost by default.
    CONSULTANT_URL: z.url({ error: "must be a URL" }).optional(),
    CANDIDATE_URL: z.url({ error: "must be a URL" }).optional(),
    // Email: through this SMTP server when set, otherwise into the dev mailbox (/admin/mail).
    SMTP_URL: smtpUrl,
    MAIL_FROM: mailFrom,
    CHROMIUM_PATH: z.string().optional(),
    CI: z.string().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const lines = issues.map((i) => `  ${i.path?.join(".")}: ${i.message}`);
    console.error(`Invalid environment variables:\n${lines.join("\n")}`);
    process.exit(1);
  },
});
