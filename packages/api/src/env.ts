// The api package's configuration, validated once, on first use: where people reach each portal,
// for the links the api writes into invitations and emails.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const DEFAULTS = {
  CONSULTANT_URL: "http://localhost:3000",
  CANDIDATE_URL: "http://localhost:3001",
} as const;

/** An http(s) address without a trailing slash, so paths can be appended as they are. */
const portalUrl = (fallback: string) =>
  z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .default(fallback)
    .transform((v) => v.replace(/\/+$/, ""));

let cached: { CONSULTANT_URL: string; CANDIDATE_URL: string } | undefined;

/** Throws an error naming every malformed variable. */
export function apiEnv() {
  cached ??= createEnv({
    server: {
      CONSULTANT_URL: portalUrl(DEFAULTS.CONSULTANT_URL),
      CANDIDATE_URL: portalUrl(DEFAULTS.CANDIDATE_URL),
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

/** The portal a role signs in to, as an origin (plus any base path) without a trailing slash. */
export function portalBaseUrl(portal: "consultant" | "candidate"): string {
  const env = apiEnv();
  // With validation skipped (a build), defaults are not applied: fall back to them here.
  const value = portal === "consultant" ? env.CONSULTANT_URL : env.CANDIDATE_URL;
  return (value || DEFAULTS[portal === "consultant" ? "CONSULTANT_URL" : "CANDIDATE_URL"]).replace(
    /\/+$/,
    "",
  );
}
