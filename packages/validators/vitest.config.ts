import { defineConfig } from "vitest/config";

// Pure functions only: no database, so no global setup (unlike the api/db/auth suites).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
  },
});
