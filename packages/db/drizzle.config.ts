import { defineConfig } from "drizzle-kit";

// Only `generate` runs through drizzle-kit; migrations are applied by src/cli/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
