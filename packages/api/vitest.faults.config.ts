import { defineConfig } from "vitest/config";

// `npm run test:faults`: the slower fault-injection tests, on an embedded PostgreSQL of their own
// that they stop and start (never the shared test server).
export default defineConfig({
  test: {
    include: ["faults/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
