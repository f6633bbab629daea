"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useDeleteEvidence } from "@/lib/client/hooks/use-evidence";
import type { EvidenceView } from "@/lib/evidence/views";

/** Soft delete with a reason; the item stays in the audit log and its custody log is kept. */
export function DeleteControl({ item }: { item: EvidenceView }) {
  const remove = useDeleteEvidence(item.id, item.caseId);
  const router = useRouter();
  const [reason, setReason] = useState("");
  return (
    <details className="rounded-md border p-3">
      <summary className="cursor-pointer text-sm font-medium">Delete this item</summary>
      <form
        aria-label="Delete evidence"
        className="mt-2 flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate(reason, { onSuccess: () => router.push(`/cases/${item.caseId}?tab=evidence`) });
        }}
      >
        <p className="text-xs text-muted-foreground">
          The item leaves the case; the record of it, and of everyone who handled it, stays.
        </p>
        <Field id="delete-reason" label="Reason for deleting">
          <Input id="delete-reason" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div>
          <Button type="submit" size="sm" variant="destructive" disabled={remove.isPending || reason.trim() === ""}>
            Delete evidence
          </Button>
        </div>
        {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
      </form>
    </details>
  );
}
