import { defineConfig } from "drizzle-kit";

// Only used to generate SQL migrations from db/schema; the app migrates itself at start-up.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
