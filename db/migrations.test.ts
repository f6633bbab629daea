import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { databaseKind, db, migrationsFolder, queryRows, ready } from "@/db";

interface FreshDatabase {
  migrate(): Promise<void>;
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A database no other test has touched, migrated with drizzle's own migrator as the app does:
 * a new in-memory PGlite, or a new PostgreSQL database beside this run's one (dropped after).
 */
async function freshDatabase(): Promise<FreshDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url || url.startsWith("memory://")) {
    const client = new PGlite();
    const fresh = drizzlePglite(client);
    return {
      migrate: () => migratePglite(fresh, { migrationsFolder }),
      rows: async <T extends Record<string, unknown>>(query: SQL) => (await fresh.execute(query)).rows as T[],
      close: () => client.close(),
    };
  }
  const name = `casework_migrations_${randomUUID().replaceAll("-", "")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const client = postgres(target.toString(), { max: 1, onnotice: () => {} });
  const fresh = drizzlePostgres(client);
  return {
    migrate: () => migratePostgres(fresh, { migrationsFolder }),
    rows: async <T extends Record<string, unknown>>(query: SQL) => (await fresh.execute(query)) as unknown as T[],
    close: async () => {
      await client.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** Everything a migration can create in the app's schema, one line each, plus every table's row count. */
async function snapshot(fresh: FreshDatabase) {
  const objects = await fresh.rows<{ line: string }>(sql`
    select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as line
      from information_schema.columns where table_schema = 'public'
    union all select 'index ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'
    union all select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      from pg_constraint where connamespace = 'public'::regnamespace
    union all select 'trigger ' || tgrelid::regclass::text || ' ' || tgname from pg_trigger t
      join pg_class c on c.oid = t.tgrelid where not t.tgisinternal and c.relnamespace = 'public'::regnamespace
    union all select 'function ' || proname from pg_proc where pronamespace = 'public'::regnamespace
    order by 1`);
  const tables = await fresh.rows<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await fresh.rows<{ n: number | string }>(
      sql`select count(*) as n from ${sql.identifier(table_name)}`,
    );
    counts[table_name] = Number(row?.n);
  }
  const applied = await fresh.rows<{ hash: string; created_at: number | string }>(
    sql`select hash, created_at from drizzle.__drizzle_migrations order by id`,
  );
  return {
    objects: objects.map((o) => o.line),
    counts,
    applied: applied.map((m) => ({ hash: m.hash, createdAt: Number(m.created_at) })),
  };
}

describe("migrations", () => {
  it("apply cleanly to an empty database and create every table", async () => {
    await ready();
    const rows = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = rows.map((r) => r.table_name);
    for (const table of [
      "users",
      "api_tokens",
      "cases",
      "case_members",
      "case_notes",
      "evidence",
      "custody_events",
      "personas",
      "identifiers",
      "persona_identifiers",
      "persona_links",
      "remediation_tasks",
      "referrals",
      "disclosures",
      "exports",
      "audit_events",
    ]) {
      expect(tables).toContain(table);
    }
    expect(["postgres", "pglite"]).toContain(databaseKind());
  });

  it("are recorded once each, so running them again on the same database changes nothing", async () => {
    const journal = readMigrationFiles({ migrationsFolder }).map((m) => ({ hash: m.hash, createdAt: m.folderMillis }));
    const fresh = await freshDatabase();
    try {
      await fresh.migrate();
      const first = await snapshot(fresh);
      // Every journal entry applied and recorded in order: one skipped (an out-of-order
      // timestamp) or recorded twice would make the next start skip or re-run it.
      expect(first.applied).toEqual(journal);
      // Each later than the one before: drizzle applies only entries newer than the last one
      // recorded, so an older timestamp added later would never run on an existing database.
      expect(journal.every((m, i) => i === 0 || m.createdAt > journal[i - 1]!.createdAt)).toBe(true);
      expect(first.objects.some((line) => line.startsWith("trigger custody_events "))).toBe(true);

      await expect(fresh.migrate()).resolves.toBeUndefined();
      const second = await snapshot(fresh);
      expect(second).toEqual(first);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
