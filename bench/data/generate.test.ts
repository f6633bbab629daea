import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { identifierTypes } from "@/db/schema";
import { buildGraph } from "./graph";
import { identifierValue } from "./identifiers";
import { apportion, Random } from "./random";

describe("generator building blocks", () => {
  it("splits a total exactly, in proportion", () => {
    const counts = apportion(1000, [1, 2, 3, 0.5]);
    expect([...counts].reduce((a, b) => a + b, 0)).toBe(1000);
    expect(counts[2]).toBeGreaterThan(counts[1] ?? 0);
  });

  it("repeats itself for the same seed", () => {
    expect(new Random(7).uuid()).toBe(new Random(7).uuid());
    expect(new Random(7).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("builds the persona graph to the exact totals, with every network connected", () => {
    const g = buildGraph(new Random(1), 2000, 10_000, 20_000);
    expect(g.identifiers).toBe(10_000);
    expect(g.links).toBe(20_000);
    const pairs = new Set<string>();
    for (let k = 0; k < g.links; k++) pairs.add(`${g.linkPersona[k]}:${g.linkIdentifier[k]}`);
    expect(pairs.size).toBe(g.links);
    // Union-find over shared identifiers: each network must be one component.
    const parent = Array.from({ length: g.personas }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] ?? i)));
    const holder = new Map<number, number>();
    for (let k = 0; k < g.links; k++) {
      const p = g.linkPersona[k] ?? 0;
      const seen = holder.get(g.linkIdentifier[k] ?? 0);
      if (seen === undefined) holder.set(g.linkIdentifier[k] ?? 0, p);
      else parent[find(p)] = find(seen);
    }
    for (const net of g.networks) {
      const roots = new Set(Array.from({ length: net.size }, (_, j) => find(net.start + j)));
      expect(roots.size).toBe(1);
    }
    const singletons = g.personas - g.networks.reduce((a, n) => a + n.size, 0);
    expect(singletons).toBeGreaterThan(g.personas * 0.3);
  });

  it("makes identifier values unique per type", () => {
    const random = new Random(3);
    for (const type of identifierTypes) {
      const values = new Set(Array.from({ length: 5000 }, (_, i) => identifierValue(type, i, random).normalized));
      expect(values.size, type).toBe(5000);
    }
  });
});

// COPY goes through postgres.js, so the load itself runs only against PostgreSQL.
const url = process.env.DATABASE_URL ?? "";
describe.skipIf(!url.startsWith("postgres"))("a small load into PostgreSQL", () => {
  it("writes an audit chain that verifies, counters at the highest reference, exhibit counters that match", async () => {
    const { ready, db } = await import("@/db");
    const { verifyAuditChain } = await import("@/lib/audit/verify");
    const { loadDataSet } = await import("./load");
    await ready();
    const sql = postgres(url, { max: 4, onnotice: () => {} });
    try {
      const domain = `bench-${randomUUID().slice(0, 8)}.test`;
      const counts = { users: 40, cases: 60, notes: 200, auditEvents: 300, personas: 80, identifiers: 200, personaIdentifiers: 400, tasks: 90, referrals: 6, evidence: 120 };
      // The app's own data folder, where its extraction looks for the stored files.
      const dataDir = process.env.DATA_DIR ?? path.join(os.tmpdir(), `casework-bench-test-${domain}`);
      const stats = await loadDataSet({ sql, counts, seed: 42, passwordHash: "x", dataDir, now: Date.now(), emailDomain: domain });
      expect(stats.find((s) => s.table === "cases")?.rows).toBe(60);
      expect(stats.find((s) => s.table === "persona_identifiers")?.rows).toBe(400);
      expect(stats.find((s) => s.table === "audit_events")?.rows).toBe(300);
      // The app's next audited write chains to the last generated event (the head moved with them).
      const { recordAudit } = await import("@/lib/audit/record");
      await db.transaction((tx) => recordAudit(tx, { actor: null, action: "bench.after", entityType: "bench" }));
      const verification = await verifyAuditChain({ db });
      expect(verification.firstBreak).toBeNull();
      expect(verification.ok).toBe(true);
      const mine = sql`select c.id, c.ref, c.exhibit_counter from cases c join users u on u.id = c.lead_id where u.email like ${`%@${domain}`}`;
      const [bad] = await sql<{ n: number }[]>`select count(*)::int as n from (${mine}) c where c.exhibit_counter <> (select count(*) from evidence e where e.case_id = c.id)`;
      expect(bad?.n).toBe(0);
      const [counter] = await sql<{ behind: number }[]>`select count(*)::int as behind from case_ref_counters k where k.last < (select max(split_part(ref, '-', 3)::int) from cases where split_part(ref, '-', 2)::int = k.year)`;
      expect(counter?.behind).toBe(0);
      // The COPY into case_personas kept each persona's case_count (a statement-level trigger).
      const [caseCounts] = await sql<{ wrong: number; attached: number }[]>`
        select count(*) filter (where p.case_count <> (select count(*) from case_personas cp where cp.persona_id = p.id))::int as wrong,
               count(*) filter (where p.case_count > 0)::int as attached
        from personas p`;
      expect(caseCounts?.wrong).toBe(0);
      expect(caseCounts?.attached).toBeGreaterThan(0);

      // A server started on the data finds no work left: start-up queues nothing, nothing waits.
      const { queueMissingExtractions, MAX_EXTRACT_BYTES } = await import("@/lib/intake/extract-job");
      const { queueStaleMatching } = await import("@/lib/matching/queue-matching");
      expect(await queueMissingExtractions()).toBe(0);
      expect(await queueStaleMatching()).toBe(0);
      const [waiting] = await sql<{ n: number }[]>`select count(*)::int as n from jobs where status in ('queued', 'running')`;
      expect(waiting?.n).toBe(0);
      // Each item's text as the extraction job leaves it: stored files read, the rest unreadable
      // (or too large to read), as the job would mark them.
      const texts = await sql<{ stored: boolean; large: boolean; status: string; reason: string | null }[]>`
        select exists (select 1 from custody_events c where c.evidence_id = e.id) as stored,
               e.size > ${MAX_EXTRACT_BYTES} as large, t.status::text, t.reason
        from (${mine}) c join evidence e on e.case_id = c.id join evidence_texts t on t.evidence_id = e.id`;
      expect(texts).toHaveLength(120);
      const storedTexts = texts.filter((t) => t.stored);
      expect(storedTexts.length).toBeGreaterThan(0);
      expect(storedTexts.every((t) => t.status !== "failed")).toBe(true);
      const unstored = texts.filter((t) => !t.stored && !t.large);
      expect(unstored.length).toBeGreaterThan(0);
      expect(new Set(unstored.map((t) => `${t.status}: ${t.reason}`))).toEqual(new Set(["failed: The stored bytes of this evidence are missing"]));
      expect(texts.filter((t) => t.large).every((t) => t.status === "partial")).toBe(true);
      // Every persona scored at its generation, no possible match stored.
      const [matching] = await sql<{ personas: number; unscored: number; candidates: number }[]>`
        select (select count(*) from personas)::int as personas,
               (select count(*) from persona_match_state s where s.scored_generation < s.generation)::int as unscored,
               (select count(*) from match_candidates)::int as candidates`;
      expect(matching).toEqual({ personas: 80, unscored: 0, candidates: 0 });
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
