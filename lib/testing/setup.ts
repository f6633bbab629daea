import { afterAll, inject } from "vitest";

// Before any module reads lib/env.ts: point the app at this run's database and data folder.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATA_DIR = inject("dataDir");
process.env.LOG_LEVEL = "silent";

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
});
