import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

const folder = path.join(process.cwd(), "db", "migrations");

/** The SQL migration files, in the order they run. */
export const migrationFiles = fs
  .readdirSync(folder)
  .filter((f) => /^\d{4}_.*\.sql$/.test(f))
  .sort();

/** One migration file's statements, split where drizzle-kit marks the breaks. */
export function migrationStatements(file: string): string[] {
  return fs
    .readFileSync(path.join(folder, file), "utf8")
    .split("--> statement-breakpoint")
    .filter((statement) => statement.trim());
}

/** Runs one migration file statement by statement, as the migrator does: for tests of a migration on old data. */
export async function applyMigration(pg: PGlite, file: string): Promise<void> {
  for (const statement of migrationStatements(file)) await pg.exec(statement);
}
