// As `next start` does before anything else: Next's request scope (headers(), cookies(), and
// Auth.js's auth() through them) lives in an AsyncLocalStorage taken from globalThis when Next's
// modules first load; loaded without it, they get a stand-in that never holds a request.
import "next/dist/server/node-environment-baseline";
import { afterAll, inject } from "vitest";

// Before any module reads lib/env.ts: point the app at this run's database and data folder.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATA_DIR = inject("dataDir");
process.env.LOG_LEVEL = "silent";

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
});
