"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LocalDateTime } from "@/components/ui/local-time";
import { useDismissHit, useReopenHit } from "@/lib/client/hooks/use-sanctions";
import type { SanctionsHit, SanctionsHits } from "@/lib/sanctions/views";

interface SanctionsHitJudgementProps {
  personaId: string;
  hit: SanctionsHit;
  permissions: SanctionsHits["permissions"];
}

/** A hit's dismissal (who, when, why, and re-opening it) or the form that dismisses it. */
export function SanctionsHitJudgement({ personaId, hit, permissions }: SanctionsHitJudgementProps) {
  const dismiss = useDismissHit(personaId);
  const reopen = useReopenHit(personaId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const exact = hit.matched.some((m) => m.kind !== "name");
  const error = dismiss.error ?? reopen.error;

  if (hit.dismissal) {
    return (
      <div className="mt-2 flex flex-col gap-1 border-t pt-2 text-xs">
        <p>
          Dismissed as a false positive by {hit.dismissal.by ?? "a former user"} on{" "}
          <LocalDateTime iso={hit.dismissal.at} />: “{hit.dismissal.reason}”
        </p>
        {permissions.judge ? (
          <Button
            size="sm"
            variant="outline"
            className="self-start"
            disabled={reopen.isPending}
            onClick={() => reopen.mutate(hit.dismissal!.id)}
          >
            Re-open
          </Button>
        ) : null}
        {error ? <Alert tone="error">{error.message}</Alert> : null}
      </div>
    );
  }
  if (!permissions.judge) return null;
  if (exact && !permissions.dismissExact)
    return (
      <p className="mt-2 text-xs text-muted-foreground">
        An identifier of this persona is on the list: only a manager or an admin can dismiss this hit.
      </p>
    );
  if (!open)
    return (
      <Button size="sm" variant="outline" className="mt-2" onClick={() => setOpen(true)}>
        Dismiss as false positive
      </Button>
    );
  return (
    <form
      className="mt-2 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        dismiss.mutate(
          { source: hit.listVersion.source, entNum: hit.entry.entNum, reason },
          {
            onSuccess: () => {
              setOpen(false);
              setReason("");
            },
          },
        );
      }}
    >
      <Label htmlFor={reasonId}>
        Why is this not the listed {hit.entry.type === "individual" ? "person" : "entry"}?
      </Label>
      <Input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={dismiss.isPending}>
          Dismiss
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
    </form>
  );
}
