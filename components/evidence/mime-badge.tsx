import { AlertTriangle } from "lucide-react";
import type { EvidenceView } from "@/lib/evidence/views";

/** The detected type, and a marker no one can miss when the claimed type disagrees with the bytes. */
export function MimeBadge({ item }: { item: Pick<EvidenceView, "mimeType" | "claimedMimeType" | "mimeMismatch"> }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <code className="font-mono text-xs">{item.mimeType}</code>
      {item.mimeMismatch ? (
        <span
          className="inline-flex items-center gap-1 rounded-md border border-warning/60 bg-warning/15 px-1.5 py-0.5 text-xs font-semibold"
          data-testid="mime-mismatch"
          title={`Claimed ${item.claimedMimeType ?? "nothing"}, but the bytes are ${item.mimeType}`}
        >
          <AlertTriangle aria-hidden className="size-3" />
          Type mismatch: claimed {item.claimedMimeType}
        </span>
      ) : null}
    </span>
  );
}
