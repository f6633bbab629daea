"use client";

import { useState } from "react";
import { Field } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LocalDateTime } from "@/components/ui/local-time";
import { useDeleteEvidence, useKeepDuplicate } from "@/lib/client/hooks/use-evidence";
import type { DuplicateOf, UploadedEvidenceView } from "@/lib/evidence/views";

type Outcome = "kept" | "dropped" | null;

/**
 * Said at once when an upload's bytes match a live exhibit of the same case: the uploader keeps
 * it as its own exhibit with a reason (recorded in its custody log) or drops it again.
 */
export function DuplicateNotice({ item, duplicateOf }: { item: UploadedEvidenceView; duplicateOf: DuplicateOf }) {
  const keep = useKeepDuplicate(item.id, item.caseId);
  const drop = useDeleteEvidence(item.id, item.caseId);
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const reasonId = `keep-reason-${item.id}`;
  const busy = keep.isPending || drop.isPending;
  const error = keep.error ?? drop.error;

  if (outcome === "kept")
    return (
      <p role="status" className="mt-2 text-sm">
        Kept as {item.exhibitNo}; the reason is in its custody log.
      </p>
    );
  if (outcome === "dropped")
    return (
      <p role="status" className="mt-2 text-sm">
        Dropped {item.exhibitNo}; {duplicateOf.exhibitNo} remains the exhibit of these bytes.
      </p>
    );
  return (
    <div className="mt-2 flex flex-col gap-2 rounded-md border border-amber-500/60 bg-amber-50 p-3 text-sm dark:bg-amber-950/30">
      <p role="alert">
        Identical to <span className="font-semibold">{duplicateOf.exhibitNo}</span> “{duplicateOf.title}”, uploaded
        {duplicateOf.uploadedBy ? ` by ${duplicateOf.uploadedBy}` : ""} on{" "}
        <LocalDateTime iso={duplicateOf.uploadedAt} />.
      </p>
      <form
        aria-label={`Keep or drop ${item.exhibitNo}`}
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          keep.mutate(reason.trim(), { onSuccess: () => setOutcome("kept") });
        }}
      >
        <Field id={reasonId} label="Reason for keeping a second copy">
          <Input
            id={reasonId}
            value={reason}
            maxLength={2000}
            placeholder="For example: received again from a second source"
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" disabled={busy || reason.trim() === ""}>
            Keep as a new exhibit
          </Button>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={busy}
            onClick={() =>
              drop.mutate(`Identical to ${duplicateOf.exhibitNo}; dropped at upload`, {
                onSuccess: () => setOutcome("dropped"),
              })
            }
          >
            Drop this upload
          </Button>
        </div>
      </form>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
    </div>
  );
}
