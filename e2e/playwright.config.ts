// Both portals (production builds) and the worker, Debian's Chromium. `npm test` sets the database
// and secret.
import { defineConfig } from "@playwright/test";
import { portals } from "./tests/accounts";

const executablePath = process.env.CHROMIUM_PATH || undefined;
// Links in invitations and emails point at the portals under test.
const portalsEnv = {
  ...(process.env as Record<string, string>),
  CONSULTANT_URL: portals.consultant.url,
  CANDIDATE_URL: portals.candidate.url,
};

export default defineConfig({
  testDir: "./tests",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    ...(["consultant", "candidate"] as const).map((name) => ({
      command: `node ../../node_modules/next/dist/bin/next start -p ${portals[name].port}`,
      cwd: `../apps/${name}`,
      url: `${portals[name].url}/api/health`,
      env: portalsEnv,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    })),
    // The worker delivers notices' emails into the dev mailbox (no SMTP_URL) and runs schedules.
    {
      command: "node --import tsx ../packages/worker/src/main.ts",
      wait: { stdout: /worker started/ },
      env: portalsEnv,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
  ],
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "portals", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
});
