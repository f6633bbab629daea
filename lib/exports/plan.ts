import type { PackEvidence } from "./data";
import { evidencePaths } from "./names";
import type { ExportOptions } from "./schema";

export interface IncludedItem {
  item: PackEvidence;
  path: string;
}

export interface LeftOutItem {
  item: PackEvidence;
  reason: string;
}

export const PRIVILEGED_REASON = "Marked privileged: listed here without its content";

/**
 * Which items go into the pack. Everything live is included except what the exporter left out
 * (each with their reason) and, unless asked to include them, items marked privileged, which
 * are only listed. Exclusions naming items that are gone by build time are ignored.
 */
export function planEvidence(
  evidence: readonly PackEvidence[],
  options: ExportOptions,
): { included: IncludedItem[]; leftOut: LeftOutItem[] } {
  const reasons = new Map(options.exclude.map((e) => [e.evidenceId, e.reason]));
  const leftOut: LeftOutItem[] = [];
  const kept: PackEvidence[] = [];
  for (const item of evidence) {
    const reason =
      reasons.get(item.id) ?? (item.privileged && options.privileged === "list_only" ? PRIVILEGED_REASON : null);
    if (reason) leftOut.push({ item, reason });
    else kept.push(item);
  }
  const paths = evidencePaths(kept);
  return { included: kept.map((item, i) => ({ item, path: paths[i]! })), leftOut };
}
