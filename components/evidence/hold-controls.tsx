"use client";

import { useState } from "react";
import { Field } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { usePlaceHold, useReleaseHold } from "@/lib/client/hooks/use-evidence";
import type { EvidenceView } from "@/lib/evidence/views";

/** Place or release a legal hold, always with a reason (it goes into the custody log). */
export function HoldControls({ item }: { item: EvidenceView }) {
  const place = usePlaceHold(item.id, item.caseId);
  const release = useReleaseHold(item.id, item.caseId);
  const [reason, setReason] = useState("");
  const action = item.legalHold ? release : place;
  const label = item.legalHold ? "Release hold" : "Place legal hold";
  return (
    <form
      aria-label={label}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        action.mutate(reason, { onSuccess: () => setReason("") });
      }}
    >
      <Field id="hold-reason" label={item.legalHold ? "Reason for releasing the hold" : "Reason for the hold"}>
        <Input
          id="hold-reason"
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
          placeholder={item.legalHold ? "Matter closed" : "Preservation notice, litigation…"}
        />
      </Field>
      <div>
        <Button
          type="submit"
          size="sm"
          variant={item.legalHold ? "outline" : "default"}
          disabled={action.isPending || reason.trim() === ""}
        >
          {label}
        </Button>
      </div>
      {action.error ? <Alert tone="error">{action.error.message}</Alert> : null}
    </form>
  );
}
