import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Workspace packages ship TypeScript source; the app compiles them.
  transpilePackages: [
    "@debrief/api",
    "@debrief/auth",
    "@debrief/db",
    "@debrief/ui",
    "@debrief/validators",
    "@debrief/web",
  ],
  // Native or worker-based modules stay plain Node requires.
  serverExternalPackages: ["@node-rs/argon2", "pino", "postgres"],
  typedRoutes: false,
};

export default config;
