import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sanctionsLists } from "@/db/schema";
import { currentListIds } from "@/lib/sanctions/current-lists";
import { personaHits } from "@/lib/sanctions/screen-persona";
import type { SanctionsHit } from "@/lib/sanctions/views";
import type { PackPersona } from "./data";

export interface PackScreening {
  /** The list versions screened against (the current one per source), with their file hashes. */
  lists: { id: string; source: string; publishedAt: string | null; sha256: string; entries: number }[];
  /** Every hit of the case's personas, open or dismissed (with who dismissed it, when and why). */
  hits: (Omit<SanctionsHit, "dismissal"> & {
    personaId: string;
    dismissal: { reason: string; by: string | null; at: string } | null;
  })[];
}

/** The personas' sanctions screening as it stands at export time, on the current list versions. */
export async function readScreening(runner: DbOrTx, personas: readonly PackPersona[]): Promise<PackScreening> {
  const ids = await currentListIds(runner);
  const lists = ids.length
    ? await runner
        .select({
          id: sanctionsLists.id,
          source: sanctionsLists.source,
          publishedAt: sanctionsLists.publishedAt,
          sha256: sanctionsLists.sha256,
          entries: sanctionsLists.entries,
        })
        .from(sanctionsLists)
        .where(inArray(sanctionsLists.id, ids))
    : [];
  const hits: PackScreening["hits"] = [];
  for (const p of personas)
    for (const h of await personaHits(runner, p))
      hits.push({
        ...h,
        personaId: p.id,
        dismissal: h.dismissal ? { reason: h.dismissal.reason, by: h.dismissal.by, at: h.dismissal.at } : null,
      });
  return { lists: lists.sort((a, b) => a.source.localeCompare(b.source)), hits };
}
