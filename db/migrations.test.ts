import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseKind, db, queryRows, ready } from "@/db";

describe("migrations", () => {
  it("apply cleanly to an empty database and create every table", async () => {
    await ready();
    const rows = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = rows.map((r) => r.table_name);
    for (const table of ["users", "api_tokens", "cases", "case_members", "case_notes", "evidence", "custody_events", "personas", "identifiers", "persona_identifiers", "persona_links", "remediation_tasks", "referrals", "disclosures", "exports", "audit_events"]) {
      expect(tables).toContain(table);
    }
    expect(["postgres", "pglite"]).toContain(databaseKind());
  });

  it("are idempotent when run again", async () => {
    await ready();
    await expect(ready()).resolves.toBeUndefined();
  });
});
