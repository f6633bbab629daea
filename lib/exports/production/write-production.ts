import type { BlobStore } from "@/lib/storage";
import type { IncludedItem } from "../plan";
import type { PackWriter } from "../zip-writer";
import { concordanceDat, opticonOpt } from "./load-files";
import { datRecords, optLines, planProduction, PRODUCTION_DIR } from "./plan";

export interface ProductionSummary {
  batesPrefix: string;
  firstBates: string | null;
  lastBates: string | null;
  documents: number;
  loadFile: string;
  imageLoadFile: string;
}

/**
 * production/: every packed exhibit again as a native named by its Bates number (NATIVES/), a
 * Concordance DAT and an Opticon OPT (DATA/). Written before the manifest, which lists every file
 * with its SHA-256, so the signature covers the production too. A native whose bytes differ from
 * the recorded hash stops the build, as an evidence file does.
 */
export async function writeProduction(
  writer: PackWriter,
  store: BlobStore,
  included: readonly IncludedItem[],
  production: { batesPrefix: string; startNumber: number },
  onMismatch: (item: IncludedItem["item"]) => Promise<never>,
): Promise<ProductionSummary> {
  const items = planProduction(included, production);
  for (const p of items) {
    const entry = await writer.addStream(p.nativePath, await store.get(p.item.sha256), p.item.size);
    if (entry.sha256 !== p.item.sha256) await onMismatch(p.item);
  }
  const base = `${PRODUCTION_DIR}/DATA/${production.batesPrefix}`;
  await writer.addBuffer(`${base}.dat`, concordanceDat(datRecords(items)));
  await writer.addBuffer(`${base}.opt`, opticonOpt(optLines(items, `${production.batesPrefix}_VOL001`)));
  return {
    batesPrefix: production.batesPrefix,
    firstBates: items[0]?.bates ?? null,
    lastBates: items[items.length - 1]?.bates ?? null,
    documents: items.length,
    loadFile: `${base}.dat`,
    imageLoadFile: `${base}.opt`,
  };
}
