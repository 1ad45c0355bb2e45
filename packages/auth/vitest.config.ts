import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // next-auth imports "next/server" without an extension, which only a bundler resolves: let
    // Vite resolve it (security.test.ts drives the real route handlers).
    server: { deps: { inline: ["next-auth"] } },
  },
});
