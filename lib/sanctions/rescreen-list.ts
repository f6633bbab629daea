import { db } from "@/db";
import { personasOnList, raiseSanctionsFlags } from "./raise-flags";

/**
 * Personas screened per transaction. Raising a flag appends to the audit chain, whose lock is held
 * until the transaction commits: one transaction for the whole re-screen (2,000 personas flagged
 * on the bench data: 43-90 s) kept every audited write in the app waiting that long. With 25 a
 * write waited up to 4 s on the busy bench machine, with 5 up to 2 s (p95 0.6 s), for about 10 %
 * more time overall (bench/README.md, "Sanctions re-screen").
 */
export const RESCREEN_BATCH = 5;

/**
 * Screens every persona holding an identifier of this list version, a batch of personas per
 * transaction, and answers how many it screened and flagged. Each batch commits on its own, so a
 * run cut short leaves the batches done; running it again raises nothing already raised.
 */
export async function rescreenList(
  listId: string,
  {
    batchSize = RESCREEN_BATCH,
    onProgress,
  }: { batchSize?: number; onProgress?: (screened: number, total: number) => Promise<void> } = {},
): Promise<{ screened: number; raised: number }> {
  // Only the ids are held (under 40 bytes each), however many personas the list reaches.
  const personaIds = await personasOnList(db, listId);
  let raised = 0;
  for (let i = 0; i < personaIds.length; i += batchSize) {
    const batch = personaIds.slice(i, i + batchSize);
    raised += (await db.transaction((tx) => raiseSanctionsFlags(tx, batch))).length;
    await onProgress?.(i + batch.length, personaIds.length);
  }
  return { screened: personaIds.length, raised };
}
