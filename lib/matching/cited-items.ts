import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";
import { evidence, personaIdentifiers } from "@/db/schema";
import { uuidArray } from "@/lib/sql";

/*
 * A persona's documents and photos are the evidence items its claims cite as their source. An
 * item cited by more than a few personas is a shared record (an applicant export, a chat log
 * naming many people), not one person's document, and is left out.
 */
export const MAX_CITING_PERSONAS = 3;

/** Keeps the claims `pi` whose cited item few personas cite. */
export const fewCiting = sql`(select count(distinct c.persona_id) from ${personaIdentifiers} c
  where c.source_evidence_id = pi.source_evidence_id) <= ${MAX_CITING_PERSONAS}`;

export const exhibit = (e: { exhibit_no: number; title: string }) =>
  `E-${String(e.exhibit_no).padStart(3, "0")} ${e.title}`;

export type ExhibitRow = { id: string; exhibit_no: number; title: string };

/**
 * For each other persona citing one of the `near` items (keyed by item id, each naming the item of
 * mine it is near), the nearest one by `closer`, with the exhibit rows of both sides.
 */
export async function nearestPerPersona<N extends { mine: string }>(
  runner: DbOrTx,
  personaId: string,
  near: ReadonlyMap<string, N>,
  myIds: readonly string[],
  closer: (a: N, b: N | undefined) => boolean,
): Promise<{ best: Map<string, N & { theirs: string }>; items: Map<string, ExhibitRow> }> {
  const holders = await queryRows<{ persona_id: string; evidence_id: string }>(
    runner,
    sql`select distinct pi.persona_id, pi.source_evidence_id as evidence_id from ${personaIdentifiers} pi
        join ${evidence} e on e.id = pi.source_evidence_id and e.deleted_at is null
        where pi.source_evidence_id = any(${uuidArray(near.keys())}) and pi.persona_id <> ${personaId}
          and ${fewCiting}`,
  );
  const items = new Map(
    (
      await queryRows<ExhibitRow>(
        runner,
        sql`select id, exhibit_no, title from ${evidence} where id = any(${uuidArray([...near.keys(), ...myIds])})`,
      )
    ).map((e) => [e.id, e]),
  );
  const best = new Map<string, N & { theirs: string }>();
  for (const h of holders) {
    const n = near.get(h.evidence_id)!;
    if (closer(n, best.get(h.persona_id))) best.set(h.persona_id, { ...n, theirs: h.evidence_id });
  }
  return { best, items };
}
