// Both portals, production builds, Debian's Chromium. `npm test` sets the database and secret.
import { defineConfig } from "@playwright/test";
import { portals } from "./tests/accounts";

const executablePath = process.env.CHROMIUM_PATH || undefined;

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
  webServer: (["consultant", "candidate"] as const).map((name) => ({
    command: `node ../../node_modules/next/dist/bin/next start -p ${portals[name].port}`,
    cwd: `../apps/${name}`,
    url: `${portals[name].url}/api/health`,
    // Links in invitations and emails point at the portals under test.
    env: {
      ...(process.env as Record<string, string>),
      CONSULTANT_URL: portals.consultant.url,
      CANDIDATE_URL: portals.candidate.url,
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  })),
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "portals", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
});
