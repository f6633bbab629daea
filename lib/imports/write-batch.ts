import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db";
import { casePersonas, identifiers, importKeys, personaIdentifiers, personas, type Import } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { queueMatching } from "@/lib/matching/queue-matching";
import { raiseSanctionsFlags, screenedTypes } from "@/lib/sanctions/raise-flags";
import type { ImportRowOutcome } from "./constants";
import type { PlannedRow } from "./plan-rows";
import { timeOrderedId } from "./time-ordered-id";

export type Judged = ImportRowOutcome & { outcome: "created" | "matched" };

/** A statement's rows as one JSON parameter: one document the server unpacks, not thousands of bound values. */
const json = (list: unknown[]) => sql`${JSON.stringify(list)}::jsonb`;

/**
 * Puts one batch into two temporary tables of the transaction (dropped at its commit): the rows,
 * each with the persona an earlier import of the same source made of its key or a new id, and
 * their claims. Every later statement reads them, so each table of the app is written once per
 * batch, whatever its size. Answers which persona each row is and whether it is new.
 */
async function stage(
  tx: Tx,
  imp: Import,
  batch: PlannedRow[],
): Promise<Map<number, { personaId: string; fresh: boolean }>> {
  await tx.execute(sql`create temp table import_rows (
      line int primary key, key text not null, persona_id uuid not null, fresh boolean not null,
      display_name text not null, aliases text[] not null, claimed_location text, claimed_timezone text,
      claimed_nationality text, notes text not null) on commit drop`);
  await tx.execute(sql`create temp table import_claims (
      line int not null, type identifier_type not null, value text not null, normalized_value text not null,
      chain text, attributes jsonb, claim_attributes jsonb, new_id uuid not null, identifier_id uuid) on commit drop`);
  const rows = await queryRows<{ line: number; persona_id: string; fresh: boolean }>(
    tx,
    sql`insert into import_rows
        select r.line, r.key, coalesce(k.persona_id, r.new_id), k.persona_id is null, r.display_name,
               r.aliases, r.claimed_location, r.claimed_timezone, r.claimed_nationality, r.notes
        from jsonb_to_recordset(${json(
          batch.map((r) => ({
            line: r.row,
            key: r.key,
            new_id: timeOrderedId(),
            display_name: r.persona.displayName,
            aliases: r.persona.aliases,
            claimed_location: r.persona.claimedLocation,
            claimed_timezone: r.persona.claimedTimezone,
            claimed_nationality: r.persona.claimedNationality,
            notes: r.persona.notes,
          })),
        )}) as r(line int, key text, new_id uuid, display_name text, aliases text[], claimed_location text, claimed_timezone text,
                 claimed_nationality text, notes text)
        left join ${importKeys} k on k.source = ${imp.source} and k.key = r.key
          and ${imp.caseId ? sql`k.case_id = ${imp.caseId}` : sql`k.case_id is null`}
        returning line, persona_id, fresh`,
  );
  // Each claim with the identifier already known by its value: one index look-up each, where a
  // join would read the whole identifiers table for a batch.
  await tx.execute(
    sql`insert into import_claims
        select c.line, c.type::identifier_type, c.value, c.normalized_value, c.chain, c.attributes, c.claim_attributes,
               c.new_id, (select i.id from ${identifiers} i where i.type = c.type::identifier_type and i.normalized_value = c.normalized_value)
        from jsonb_to_recordset(${json(
          batch.flatMap((r) =>
            r.identifiers.map((i) => ({
              line: r.row,
              type: i.type,
              value: i.value,
              normalized_value: i.normalizedValue,
              chain: i.chain,
              attributes: i.attributes,
              claim_attributes: i.claimAttributes,
              new_id: timeOrderedId(),
            })),
          ),
        )}) as c(line int, type text, value text, normalized_value text, chain text, attributes jsonb, claim_attributes jsonb, new_id uuid)`,
  );
  await tx.execute(sql`create index on import_claims (line)`);
  // Temporary tables have no statistics until analysed: without them a join of the two (or of the
  // claims with the identifiers just added) may be planned as a loop over every pair.
  await tx.execute(sql`analyze import_rows, import_claims`);
  return new Map(rows.map((r) => [r.line, { personaId: r.persona_id, fresh: r.fresh }]));
}

/**
 * How many other personas hold one of each row's identifiers: the correlation hits its persona
 * page lists (counted whoever holds them; names stay behind need-to-know there).
 */
async function countHits(tx: Tx): Promise<Map<number, number>> {
  // Per row, so that each identifier's holders are read through the holders index.
  const rows = await queryRows<{ line: number; hits: number }>(
    tx,
    sql`select r.line,
          (select count(distinct pi.persona_id)::int
           from import_claims c join ${personaIdentifiers} pi on pi.identifier_id = c.identifier_id
           where c.line = r.line and pi.persona_id <> r.persona_id) as hits
        from import_rows r`,
  );
  return new Map(rows.map((r) => [r.line, r.hits]));
}

function outcomes(
  batch: PlannedRow[],
  staged: Awaited<ReturnType<typeof stage>>,
  hits: Map<number, number>,
  dryRun: boolean,
): Judged[] {
  return batch.map((r) => {
    const { personaId, fresh } = staged.get(r.row)!;
    const common = { row: r.row, key: r.key, hits: hits.get(r.row) ?? 0 };
    if (!fresh) return { ...common, outcome: "matched", reason: "Imported before from this source", personaId };
    return dryRun ? { ...common, outcome: "created" } : { ...common, outcome: "created", personaId };
  });
}

/** What a dry run reports of one batch: the same decisions as writeBatch, nothing written. */
export async function judgeBatch(tx: Tx, imp: Import, batch: PlannedRow[]): Promise<Judged[]> {
  const staged = await stage(tx, imp, batch);
  return outcomes(batch, staged, await countHits(tx), true);
}

/**
 * One batch of a real import, in the caller's transaction, set-based: new personas, their case
 * links and keys, the identifiers not yet known, every claim the persona lacks (with the import
 * and its exhibit as source), sanctions screening, matching queued, correlation hits counted, and
 * one audit event for the batch with its counts (each persona and claim names the import).
 */
export async function writeBatch(tx: Tx, imp: Import, actor: Actor, batch: PlannedRow[]): Promise<Judged[]> {
  // Two imports of the same source take turns per batch, so a record is never created twice.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`import:${imp.source}`}))`);
  const staged = await stage(tx, imp, batch);
  const fresh = [...staged.values()].filter((s) => s.fresh).map((s) => s.personaId);
  if (fresh.length) {
    // Written once, case_count already counting the case link below (migration 0006 keeps it).
    await tx.execute(
      sql`insert into ${personas} (id, display_name, aliases, claimed_location, claimed_timezone, claimed_nationality, notes, created_by_id, source_import_id, case_count)
          select persona_id, display_name, aliases, claimed_location, claimed_timezone, claimed_nationality, notes, ${actor.id}, ${imp.id}, ${imp.caseId ? 1 : 0}
          from import_rows where fresh`,
    );
    if (imp.caseId) {
      // These links are counted already: the count trigger skips this one statement (migration
      // 0029) instead of writing each new persona row a second time.
      await tx.execute(sql`select set_config('casework.case_links_counted', 'on', true)`);
      await tx.execute(
        sql`insert into ${casePersonas} (case_id, persona_id, role, added_by_id)
            select ${imp.caseId}, persona_id, 'subject', ${actor.id} from import_rows where fresh`,
      );
      await tx.execute(sql`select set_config('casework.case_links_counted', 'off', true)`);
    }
    await tx.execute(
      sql`insert into ${importKeys} (source, case_id, key, persona_id, import_id)
          select ${imp.source}, ${imp.caseId}::uuid, key, persona_id, ${imp.id} from import_rows where fresh`,
    );
  }
  // Each new identifier once (an upsert may not touch one row twice), in one order so that two
  // writers of the same values lock them in the same order; then the claims learn their ids (those
  // another writer added meanwhile included).
  await tx.execute(
    sql`with added as (
          insert into ${identifiers} (id, type, value, normalized_value, chain, attributes)
          select distinct on (type, normalized_value) new_id, type, value, normalized_value, chain, coalesce(attributes, '{}'::jsonb)
          from import_claims where identifier_id is null order by type, normalized_value, line
          on conflict (type, normalized_value) do nothing
          returning id, type, normalized_value)
        update import_claims c set identifier_id = a.id
        from added a where c.identifier_id is null and c.type = a.type and c.normalized_value = a.normalized_value`,
  );
  await tx.execute(
    sql`update import_claims c
        set identifier_id = (select i.id from ${identifiers} i where i.type = c.type and i.normalized_value = c.normalized_value)
        where c.identifier_id is null`,
  );
  // A record imported before keeps what it holds; only claims it lacks are added.
  const added = await queryRows<{ persona_id: string; claims: number }>(
    tx,
    sql`with added as (
          insert into ${personaIdentifiers} (persona_id, identifier_id, value, source_evidence_id, source_import_id, attributes, asserted_by_id)
          select r.persona_id, c.identifier_id, c.value, ${imp.evidenceId}::uuid, ${imp.id}, coalesce(c.claim_attributes, '{}'::jsonb), ${actor.id}
          from import_claims c join import_rows r on r.line = c.line
          on conflict do nothing
          returning persona_id)
        select persona_id, count(*)::int as claims from added group by persona_id`,
  );
  await raiseSanctionsFlags(
    tx,
    batch.filter((r) => r.identifiers.some((i) => screenedTypes.has(i.type))).map((r) => staged.get(r.row)!.personaId),
  );
  // New personas and new claims are scored for possible matches by the case's matching job.
  await queueMatching(tx, [...fresh, ...added.map((a) => a.persona_id)]);
  const hits = await countHits(tx);
  // Last, so the audit chain's lock is held only for the end of the batch.
  await recordAudit(tx, {
    actor,
    action: "import.rows",
    entityType: "import",
    entityId: imp.id,
    caseId: imp.caseId,
    detail: {
      source: imp.source,
      firstRow: batch[0]?.row ?? null,
      lastRow: batch.at(-1)?.row ?? null,
      created: fresh.length,
      matched: batch.length - fresh.length,
      claimsAdded: added.reduce((n, a) => n + a.claims, 0),
    },
  });
  return outcomes(batch, staged, hits, false);
}
