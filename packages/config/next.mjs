// The Next.js configuration both portals share.
/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Workspace packages ship TypeScript source; the apps compile them.
  transpilePackages: [
    "@debrief/api",
    "@debrief/auth",
    "@debrief/db",
    "@debrief/ui",
    "@debrief/validators",
    "@debrief/web",
  ],
  // Native or worker-based modules stay plain Node requires.
  serverExternalPackages: ["@node-rs/argon2", "pg-boss", "pino", "postgres"],
};

export default config;
