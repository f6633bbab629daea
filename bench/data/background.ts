import type { Sql } from "postgres";

/**
 * What the server's background jobs would have left behind on the generated data, so a server
 * started on it finds nothing to queue: at start-up (lib/ops/background.ts) it queues text
 * extraction for every item never read and possible-match scoring for every persona never
 * scored, and on a large data set its in-process worker would then spend every benchmark
 * working through them.
 */

interface Outcome {
  status: string;
  reason: string | null;
}

/**
 * Each item's text as the extraction job leaves it. The items whose bytes are stored are read by
 * the product's extraction itself. The rest are metadata only: the product's extraction is run on
 * one of them of each kind of outcome, and the others get the same: those over the size limit for
 * reading are marked partly read (nothing is read), the others failed with the store's message
 * (what the job records after its three attempts, 2 s and 8 s apart). Run before any persona
 * cites the items, so reading them marks no persona for matching.
 */
export async function settleEvidenceText(sql: Sql, evidenceIds: readonly string[], stored: readonly string[]): Promise<void> {
  const { extractEvidenceText, MAX_EXTRACT_BYTES } = await import("@/lib/intake/extract-job");
  const { stopExtraction } = await import("@/lib/intake/extract");
  try {
    for (const id of stored) await extractEvidenceText(id);
  } finally {
    // The reading thread would keep the generator's process from ending.
    await stopExtraction();
  }
  const outcome = async (id: string): Promise<Outcome> => {
    const failed = await extractEvidenceText(id).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    if (failed !== null) return { status: "failed", reason: failed };
    const [row] = await sql<Outcome[]>`select status::text, reason from evidence_texts where evidence_id = ${id}`;
    if (!row) throw new Error(`the extraction of evidence ${id} left no text row`);
    return row;
  };
  const ids = sql.array(evidenceIds as string[]);
  const unread = sql`
    select e.id, e.size, e.created_at from evidence e join unnest(${ids}::uuid[]) as g(id) on g.id = e.id
    where e.deleted_at is null and not exists (select 1 from evidence_texts t where t.evidence_id = e.id)`;
  const [small] = await sql<{ id: string }[]>`select id from (${unread}) u where u.size <= ${MAX_EXTRACT_BYTES} limit 1`;
  const [large] = await sql<{ id: string }[]>`select id from (${unread}) u where u.size > ${MAX_EXTRACT_BYTES} limit 1`;
  const unreadable = small ? await outcome(small.id) : null;
  const tooLarge = large ? await outcome(large.id) : null;
  const over = sql`u.size > ${MAX_EXTRACT_BYTES}`;
  await sql`
    insert into evidence_texts (evidence_id, status, reason, extracted_at)
    select u.id,
      (case when ${over} then ${tooLarge?.status ?? null}::text else ${unreadable?.status ?? null}::text end)::text_status,
      case when ${over} then ${tooLarge?.reason ?? null}::text else ${unreadable?.reason ?? null}::text end,
      u.created_at + case when ${over} then interval '1 second' else interval '10 seconds' end
    from (${unread}) u`;
}

/**
 * Every generated persona as scored at its generation, when it was last changed. No possible
 * matches are stored (a full recomputation is measured apart, by marking personas stale).
 */
export async function markPersonasScored(sql: Sql, personaIds: readonly string[]): Promise<void> {
  await sql`
    insert into persona_match_state (persona_id, generation, scored_generation, changed_at, scored_at)
    select p.id, 1, 1, p.updated_at, p.updated_at
    from personas p join unnest(${sql.array(personaIds as string[])}::uuid[]) as g(id) on g.id = p.id
    on conflict (persona_id) do update set scored_generation = persona_match_state.generation, scored_at = excluded.scored_at`;
}
