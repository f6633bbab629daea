import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type DbOrTx, db, queryRows, type Tx } from "@/db";
import {
  casePersonas,
  identifiers,
  importKeys,
  imports,
  personaIdentifiers,
  personas,
  users,
  type Import,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { AppError } from "@/lib/errors";
import { changesGraph } from "@/lib/graph/cache";
import type { JobHandler } from "@/lib/jobs/handlers";
import { raiseSanctionsFlags, screenedTypes } from "@/lib/sanctions/raise-flags";
import { uuidArray } from "@/lib/sql";
import type { ImportError, ImportRowOutcome } from "./constants";
import { missingColumns, type PlannedRow, planRows } from "./plan-rows";
import { type ImportFormat, readSheet } from "./read-sheet";
import { queueMatching } from "@/lib/matching/queue-matching";

/** Rows written per transaction: big enough to be fast, small enough to keep locks short. */
const BATCH = 500;
/** Row outcomes and errors kept for the answer and the page; the counts cover every row. */
export const MAX_KEPT = 10_000;

type Written = ImportRowOutcome & { outcome: "created" | "matched" };

async function actorOf(userId: string | null): Promise<Actor> {
  const [user] = userId
    ? await db
        .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled })
        .from(users)
        .where(eq(users.id, userId))
    : [];
  if (!user || user.disabled)
    throw new AppError("forbidden", "The person who started this import can no longer sign in");
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

/** The personas earlier imports made of these records (same source, same case), by key. */
async function earlierKeys(runner: DbOrTx, imp: Import, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await runner
    .select({ key: importKeys.key, personaId: importKeys.personaId })
    .from(importKeys)
    .where(
      and(
        eq(importKeys.source, imp.source),
        imp.caseId ? eq(importKeys.caseId, imp.caseId) : isNull(importKeys.caseId),
        inArray(importKeys.key, keys),
      ),
    );
  return new Map(rows.map((r) => [r.key, r.personaId]));
}

/**
 * How many other personas already hold one of each row's identifiers: the correlation hits its
 * persona page lists (counted here whoever holds them; names stay behind need-to-know there).
 */
async function countHits(runner: DbOrTx, rows: { row: PlannedRow; personaId?: string }[]): Promise<number[]> {
  const wanted = rows.flatMap(({ row }) => row.identifiers.map((i) => ({ t: i.type, v: i.normalizedValue })));
  if (wanted.length === 0) return rows.map(() => 0);
  const found = await queryRows<{ t: string; v: string; persona_id: string }>(
    runner,
    sql`select w.t, w.v, pi.persona_id
        from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(t text, v text)
        join ${identifiers} i on i.type = w.t::identifier_type and i.normalized_value = w.v
        join ${personaIdentifiers} pi on pi.identifier_id = i.id`,
  );
  const holders = new Map<string, Set<string>>();
  for (const f of found) {
    const k = `${f.t}\u0000${f.v}`;
    let set = holders.get(k);
    if (!set) holders.set(k, (set = new Set()));
    set.add(f.persona_id);
  }
  return rows.map(({ row, personaId }) => {
    const others = new Set<string>();
    for (const i of row.identifiers)
      for (const p of holders.get(`${i.type}\u0000${i.normalizedValue}`) ?? []) if (p !== personaId) others.add(p);
    return others.size;
  });
}

/** One batch of a real import, in one transaction: new personas, their keys, every claim, screening. */
async function writeBatch(tx: Tx, imp: Import, actor: Actor, batch: PlannedRow[]): Promise<Written[]> {
  // Two imports of the same source take turns per batch, so a record is never created twice.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`import:${imp.source}`}))`);
  const earlier = await earlierKeys(
    tx,
    imp,
    batch.map((r) => r.key),
  );
  const fresh = batch.filter((r) => !earlier.has(r.key));
  const personaOf = new Map(earlier);
  for (const r of fresh) personaOf.set(r.key, randomUUID());
  // Each statement takes its rows as one JSON parameter: thousands of bound values per statement
  // cost far more to send and plan than one document the server unpacks.
  const rows = (list: unknown[]) => sql`${JSON.stringify(list)}::jsonb`;
  if (fresh.length) {
    await tx.execute(
      sql`insert into ${personas} (id, display_name, aliases, claimed_location, claimed_timezone, claimed_nationality, notes, created_by_id, source_import_id)
          select r.id, r.display_name, r.aliases, r.claimed_location, r.claimed_timezone, r.claimed_nationality, r.notes, ${actor.id}, ${imp.id}
          from jsonb_to_recordset(${rows(
            fresh.map((r) => ({
              id: personaOf.get(r.key),
              display_name: r.persona.displayName,
              aliases: r.persona.aliases,
              claimed_location: r.persona.claimedLocation,
              claimed_timezone: r.persona.claimedTimezone,
              claimed_nationality: r.persona.claimedNationality,
              notes: r.persona.notes,
            })),
          )}) as r(id uuid, display_name text, aliases text[], claimed_location text, claimed_timezone text, claimed_nationality text, notes text)`,
    );
    const ids = fresh.map((r) => personaOf.get(r.key)!);
    if (imp.caseId)
      await tx.execute(
        sql`insert into ${casePersonas} (case_id, persona_id, role, added_by_id)
            select ${imp.caseId}, p, 'subject', ${actor.id} from unnest(${uuidArray(ids)}) as p`,
      );
    await tx.execute(
      sql`insert into ${importKeys} (source, case_id, key, persona_id, import_id)
          select ${imp.source}, ${imp.caseId}::uuid, r.key, r.persona_id, ${imp.id}
          from jsonb_to_recordset(${rows(fresh.map((r) => ({ key: r.key, persona_id: personaOf.get(r.key) })))}) as r(key text, persona_id uuid)`,
    );
  }
  // Each identifier once per statement (an upsert may not touch one row twice).
  const distinct = new Map(
    batch.flatMap((r) => r.identifiers.map((i) => [`${i.type}\u0000${i.normalizedValue}`, i] as const)),
  );
  if (distinct.size)
    await tx.execute(
      sql`insert into ${identifiers} (type, value, normalized_value, chain, attributes)
          select r.type::identifier_type, r.value, r.normalized_value, r.chain, coalesce(r.attributes, '{}'::jsonb)
          from jsonb_to_recordset(${rows(
            [...distinct.values()].map((i) => ({
              type: i.type,
              value: i.value,
              normalized_value: i.normalizedValue,
              chain: i.chain,
              attributes: i.attributes,
            })),
          )}) as r(type text, value text, normalized_value text, chain text, attributes jsonb)
          on conflict (type, normalized_value) do nothing`,
    );
  // A record imported before keeps what it holds; only claims it lacks are added.
  const claims = batch.flatMap((r) =>
    r.identifiers.map((i) => ({
      persona_id: personaOf.get(r.key),
      type: i.type,
      normalized_value: i.normalizedValue,
      value: i.value,
      attributes: i.claimAttributes,
    })),
  );
  const added = claims.length
    ? await queryRows<{ persona_id: string }>(
        tx,
        sql`insert into ${personaIdentifiers} (persona_id, identifier_id, value, source_evidence_id, source_import_id, attributes, asserted_by_id)
            select r.persona_id, i.id, r.value, ${imp.evidenceId}::uuid, ${imp.id}, coalesce(r.attributes, '{}'::jsonb), ${actor.id}
            from jsonb_to_recordset(${rows(claims)}) as r(persona_id uuid, type text, normalized_value text, value text, attributes jsonb)
            join ${identifiers} i on i.type = r.type::identifier_type and i.normalized_value = r.normalized_value
            on conflict do nothing
            returning persona_id`,
      )
    : [];
  const screened = batch
    .filter((r) => r.identifiers.some((i) => screenedTypes.has(i.type)))
    .map((r) => personaOf.get(r.key)!);
  await raiseSanctionsFlags(tx, screened);
  // New personas and new claims are scored for possible matches by the case's matching job.
  await queueMatching(tx, [...fresh.map((r) => personaOf.get(r.key)!), ...added.map((a) => a.persona_id)]);
  const hits = await countHits(
    tx,
    batch.map((row) => ({ row, personaId: personaOf.get(row.key) })),
  );
  await recordAudit(tx, {
    actor,
    action: "import.rows",
    entityType: "import",
    entityId: imp.id,
    caseId: imp.caseId,
    detail: {
      source: imp.source,
      created: fresh.map((r) => personaOf.get(r.key)!),
      matched: batch.length - fresh.length,
      claimsAdded: added.length,
    },
  });
  return batch.map((r, i) =>
    earlier.has(r.key)
      ? {
          row: r.row,
          key: r.key,
          outcome: "matched",
          reason: "Imported before from this source",
          personaId: personaOf.get(r.key)!,
          hits: hits[i],
        }
      : { row: r.row, key: r.key, outcome: "created", personaId: personaOf.get(r.key)!, hits: hits[i] },
  );
}

/** What a dry run reports: the same decisions, read only. */
async function judgeBatch(imp: Import, batch: PlannedRow[]): Promise<Written[]> {
  const earlier = await earlierKeys(
    db,
    imp,
    batch.map((r) => r.key),
  );
  const hits = await countHits(
    db,
    batch.map((row) => ({ row, personaId: earlier.get(row.key) })),
  );
  return batch.map((r, i) => {
    const personaId = earlier.get(r.key);
    return personaId
      ? {
          row: r.row,
          key: r.key,
          outcome: "matched",
          reason: "Imported before from this source",
          personaId,
          hits: hits[i],
        }
      : { row: r.row, key: r.key, outcome: "created", hits: hits[i] };
  });
}

async function finish(importId: string, values: Partial<typeof imports.$inferInsert>): Promise<void> {
  await db
    .update(imports)
    .set({ ...values, content: null, finishedAt: new Date() })
    .where(eq(imports.id, importId));
}

async function failImport(importId: string, message: string, errors: ImportError[] = []): Promise<void> {
  await finish(importId, { status: "failed", failure: message, errors: errors.slice(0, MAX_KEPT) });
}

/** Reads, checks and writes (or, in a dry run, judges) every row of one import. */
export async function runImport(importId: string, progress: (perMille: number) => Promise<void>): Promise<void> {
  const [imp] = await db.select().from(imports).where(eq(imports.id, importId));
  // Gone with its case, or finished by an earlier attempt: nothing to do.
  if (!imp || imp.status === "done" || imp.status === "failed" || !imp.content) return;
  await db.update(imports).set({ status: "running" }).where(eq(imports.id, importId));
  let actor: Actor;
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    actor = await actorOf(imp.createdById);
    // Rights may have changed since the import was queued.
    if (imp.caseId)
      authorize(actor, "persona:import", { case: (await loadCase(db, actor, imp.caseId)).access }, "Case");
    else authorize(actor, "persona:import_directory", {}, "Import");
    sheet = await readSheet(imp.content, imp.format as ImportFormat);
  } catch (error) {
    if (error instanceof AppError) return failImport(importId, error.message);
    throw error;
  }
  const missing = missingColumns(sheet, imp.mapping);
  if (missing.length > 0) return failImport(importId, "Columns of the mapping are missing from the file", missing);
  const plan = planRows(sheet, imp.mapping, imp.phoneRegion ?? undefined);
  const outcomes: ImportRowOutcome[] = plan.refused.map((r) => ({
    row: r.row,
    key: r.key,
    outcome: "refused",
    reason: r.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join("; "),
  }));
  for (let i = 0; i < plan.rows.length; i += BATCH) {
    const batch = plan.rows.slice(i, i + BATCH);
    outcomes.push(
      ...(imp.dryRun
        ? await judgeBatch(imp, batch)
        : await changesGraph(db.transaction((tx) => writeBatch(tx, imp, actor, batch)))),
    );
    await progress((1000 * (i + batch.length)) / Math.max(1, plan.rows.length));
  }
  outcomes.sort((a, b) => a.row - b.row);
  const count = (o: ImportRowOutcome["outcome"]) => outcomes.filter((r) => r.outcome === o).length;
  await finish(importId, {
    status: "done",
    rows: sheet.rows.length,
    created: count("created"),
    matched: count("matched"),
    refused: count("refused"),
    errors: plan.refused.flatMap((r) => r.errors).slice(0, MAX_KEPT),
    outcomes: outcomes.slice(0, MAX_KEPT),
  });
}

export const importRowsHandler: JobHandler = {
  // Imports are heavy writers; one at a time per process.
  concurrency: 1,
  run: ({ job, progress }) => runImport(String(job.payload.importId), progress),
  async onFailed(job, message) {
    await failImport(String(job.payload.importId), `The import failed: ${message}`);
  },
};
