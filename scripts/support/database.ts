import path from "node:path";
import { env } from "@/lib/env";

/** Where the database is, for messages: never the password. */
export function describeDatabase(): string {
  const url = env.DATABASE_URL;
  if (!url) return `embedded database in ${path.join(env.DATA_DIR, "pglite")}`;
  if (url.startsWith("memory://")) return "in-memory database";
  const parsed = new URL(url);
  return `PostgreSQL at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
}
