import type { CustodyAction } from "@/db/schema";
import type { PackEvidence } from "../data";
import { when } from "../report/input";

const nouns: Record<CustodyAction, [string, string]> = {
  collected: ["collection", "collections"],
  uploaded: ["upload", "uploads"],
  viewed: ["view", "views"],
  downloaded: ["download", "downloads"],
  exported: ["earlier export", "earlier exports"],
  verified: ["hash check passed", "hash checks passed"],
  verification_failed: ["HASH CHECK FAILED", "HASH CHECKS FAILED"],
  hold_placed: ["legal hold placed", "legal holds placed"],
  hold_released: ["legal hold released", "legal holds released"],
  deleted: ["deletion", "deletions"],
  duplicate_kept: ["duplicate kept", "duplicates kept"],
};

/** Who collected an item and when, as the record states it (the uploader when no collector is named). */
export function collectedText(item: PackEvidence): string {
  const by = item.collectedBy ?? item.uploadedBy ?? "not recorded";
  const at = item.collectedAt ? when(item.collectedAt) : `not recorded (uploaded ${when(item.createdAt)})`;
  return `${by}, ${at}`;
}

/**
 * The custody trail in one paragraph: how it started (collected, uploaded, by whom and when), how
 * often each later kind of event happened, and the last event. The whole trail is in custody.csv.
 */
export function custodySummary(item: PackEvidence): string {
  const events = item.custody;
  if (events.length === 0) return "No custody events recorded.";
  const opening = events.filter((e) => e.action === "collected" || e.action === "uploaded");
  const counts = new Map<CustodyAction, number>();
  for (const e of events) if (!opening.includes(e)) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
  const parts = opening.map((e) => {
    if (e.action === "uploaded") return `uploaded ${when(e.at)} by ${e.actor}`;
    // The collection is recorded by whoever uploads the item; who collected it and when are its detail.
    const by = typeof e.detail.collectedBy === "string" ? e.detail.collectedBy : "not recorded";
    const at = typeof e.detail.collectedAt === "string" ? when(e.detail.collectedAt) : "not recorded";
    return `collected by ${by} at ${at} (recorded ${when(e.at)} by ${e.actor})`;
  });
  for (const [action, n] of counts) {
    const [one, many] = nouns[action];
    parts.push(`${n} ${n === 1 ? one : many}`);
  }
  const last = events[events.length - 1]!;
  return `${parts.join("; ")}. ${events.length} event${events.length === 1 ? "" : "s"}, the last ${when(last.at)}.`;
}
