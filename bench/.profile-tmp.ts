process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:5432/casework_bench_personas_1795470142669";
process.env.LOG_LEVEL = "silent";
async function main() {
  const { db, ready, queryRows, sql } = await import("@/db");
  await ready();
  const { loadPersona } = await import("@/lib/personas/access");
  const { holdersOf, correlate } = await import("@/lib/personas/correlation");
  const { recordAudit } = await import("@/lib/audit/record");
  const { addIdentifier } = await import("@/lib/personas/identifiers");
  const { identifiers, personaIdentifiers } = await import("@/db/schema");
  const [u] = await queryRows<{ id: string }>(db, sql`select id from users where email = 'bench-lead@example.test'`);
  const lead = { id: u!.id, email: "x", name: "Bench Lead", role: "investigator" as const, via: "cli" as const };
  const ps = await queryRows<{ id: string }>(db, sql`select p.id from personas p where not exists (select 1 from case_personas cp where cp.persona_id = p.id) order by p.id limit 200 offset 20000`);
  const t: Record<string, number[]> = {};
  const mark = async <T,>(k: string, f: () => Promise<T>) => { const s = performance.now(); const r = await f(); (t[k] ??= []).push(performance.now() - s); return r; };
  for (let i = 0; i < 60; i++) {
    const value = `bench${4 * (1 + i * 13)}@example.test`;
    await mark("total-steps", () => db.transaction(async (tx) => {
      await mark("begin+load", () => loadPersona(tx, lead, ps[i]!.id));
      const [ident] = await mark("upsert ident", () => tx.insert(identifiers).values({ type: "email", value, normalizedValue: value }).onConflictDoUpdate({ target: [identifiers.type, identifiers.normalizedValue], set: { attributes: sql`excluded.attributes || ${identifiers.attributes}` } }).returning());
      await mark("insert link", () => tx.insert(personaIdentifiers).values({ personaId: ps[i]!.id, identifierId: ident!.id }).returning());
      const h = await mark("holders", () => holdersOf(tx, lead, [ident!.id], ps[i]!.id));
      correlate(h);
      await mark("audit", () => recordAudit(tx, { actor: lead, action: "x", entityType: "persona", entityId: ps[i]!.id }));
    }));
    await mark("addIdentifier", () => addIdentifier({ actor: lead, personaId: ps[100 + i]!.id, input: { type: "email", value: value.toUpperCase() } }));
    await mark("select 1", () => queryRows(db, sql`select 1`));
  }
  for (const [k, v] of Object.entries(t)) { v.sort((a, b) => a - b); console.log(k.padEnd(14), "p50", v[Math.floor(v.length / 2)]!.toFixed(2), "p95", v[Math.floor(v.length * 0.95)]!.toFixed(2)); }
  process.exit(0);
}
void main();
