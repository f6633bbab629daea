import "server-only";
import { EventEmitter } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { sql, type ExtractTablesWithRelations, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import { acquirePgliteLock } from "./pglite-lock.mjs";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Database | Tx;

interface Handle {
  kind: "postgres" | "pglite";
  db: Database;
  ready: Promise<void>;
  close: () => Promise<void>;
  notify: (channel: string, payload: string) => Promise<void>;
  listen: (channel: string, onMessage: (payload: string) => void, onListen: () => void) => Promise<void>;
}

/** The committed SQL migrations, applied in journal order by drizzle's migrator. */
export const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// One handle per process, kept on globalThis so hot reload and Next's separate module graphs
// share it: a second PGlite instance on the same folder silently loses writes.
const globalKey = Symbol.for("casework.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Handle };

function open(): Handle {
  const url = env.DATABASE_URL;
  if (url && !url.startsWith("memory://")) {
    // No JIT: set off by cost estimates, its compilation took 90-140 ms on persona-list queries
    // that then ran in a fraction of that. Queries here are short; revisit for long reports.
    const client = postgres(url, {
      max: 10,
      onnotice: () => {},
      connection: { application_name: "casework", jit: "off" },
    });
    const db = drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Database;
    const ready = (async () => {
      // Several processes may start at once: an advisory lock lets one migrate at a time.
      const conn = await client.reserve();
      try {
        await conn`select pg_advisory_lock(727274)`;
        await migratePostgres(db as never, { migrationsFolder });
        await conn`select pg_advisory_unlock(727274)`;
      } finally {
        conn.release();
      }
    })();
    return {
      kind: "postgres",
      db,
      ready,
      close: () => client.end({ timeout: 5 }),
      notify: async (channel, payload) => {
        await client.notify(channel, payload);
      },
      // postgres.js keeps one connection for all listeners and listens again after a reconnect,
      // calling onListen each time (messages sent meanwhile are lost: the caller assumes a change).
      listen: async (channel, onMessage, onListen) => {
        await client.listen(channel, onMessage, onListen);
      },
    };
  }

  let release = () => {};
  let client: PGlite;
  // unaccent: search ignores accents (migration 0020); pg_trgm: similar names are found by an
  // index (migration 0021); as on PostgreSQL.
  const extensions = { unaccent, pg_trgm };
  if (url?.startsWith("memory://")) {
    client = new PGlite({ extensions });
  } else {
    const dir = path.join(env.DATA_DIR, "pglite");
    // PGlite does not create parent folders and then fails with a misleading error.
    fs.mkdirSync(dir, { recursive: true });
    release = acquirePgliteLock(env.DATA_DIR);
    client = new PGlite(dir, { extensions });
  }
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database;
  const ready = migratePglite(db as never, { migrationsFolder });
  // One process holds the embedded database, so its notifications stay in this process.
  const local = new EventEmitter().setMaxListeners(0);
  return {
    kind: "pglite",
    db,
    ready,
    notify: async (channel, payload) => {
      local.emit(channel, payload);
    },
    listen: async (channel, onMessage, onListen) => {
      local.on(channel, onMessage);
      // Triggers announce changes through the database itself (pg_notify, delivered at commit).
      await client.listen(channel, onMessage);
      onListen();
    },
    close: async () => {
      await client.close();
      release();
    },
  };
}

function handle(): Handle {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= open();
  return g[globalKey];
}

/** The database, opened on first use. Nothing above lib/ should import this. */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const instance = handle().db;
    const value = Reflect.get(instance, prop, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

/**
 * A statement built once per open database, for hot reads: `build` writes it with drizzle's
 * `.prepare(name)` and `sql.placeholder`s for its values, so a call skips building the SQL and the
 * server reuses its parsed statement. Built again after the database is reopened (closeDb).
 */
export function preparedStatement<T>(build: (database: Database) => T): () => T {
  const built = new WeakMap<Database, T>();
  return () => {
    const instance = handle().db;
    let statement = built.get(instance);
    if (statement === undefined) {
      statement = build(instance);
      built.set(instance, statement);
    }
    return statement;
  };
}

/** Resolves once the database answers and every migration has run. */
export async function ready(): Promise<void> {
  await handle().ready;
}

export function databaseKind(): Handle["kind"] {
  return handle().kind;
}

/** Closes the connection (scripts and tests); the next use opens a new one. */
export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const current = g[globalKey];
  if (!current) return;
  delete g[globalKey];
  await current.ready.catch(() => {});
  await current.close();
}

/**
 * Tells every process on this database (PostgreSQL NOTIFY; on the embedded database, this
 * process): how one instance invalidates the caches of the others.
 */
export function notifyAll(channel: string, payload = ""): Promise<void> {
  return handle().notify(channel, payload);
}

/** Calls onMessage for each notification on the channel, and onListen whenever listening (re)starts. */
export function listenAll(channel: string, onMessage: (payload: string) => void, onListen = () => {}): Promise<void> {
  return handle().listen(channel, onMessage, onListen);
}

/** Raw SQL returning rows on both drivers (postgres.js gives an array, PGlite `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(runner: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await runner.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

export { schema, sql };
