"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { CaseStatus } from "@/lib/cases/constants";
import type { CaseDetail } from "@/lib/cases/views";
import { ApiError } from "@/lib/client/api";
import { useTransitionCase } from "@/lib/client/hooks/use-cases";
import { statusLabels, transitionVerbs } from "./labels";

const needsReason = (from: CaseStatus, to: CaseStatus) =>
  to === "closed" || to === "cleared" || from === "closed" || from === "cleared";

export function WorkflowActions({ detail }: { detail: CaseDetail }) {
  const transition = useTransitionCase(detail.id);
  const [pending, setPending] = useState<CaseStatus | null>(null);
  const [reason, setReason] = useState("");
  if (detail.allowedTransitions.length === 0) return null;

  const move = (to: CaseStatus, why?: string) =>
    transition.mutate(
      { to, reason: why, version: detail.version },
      {
        onSuccess: () => {
          setPending(null);
          setReason("");
        },
      },
    );
  const error = transition.error;
  const allowed =
    error instanceof ApiError ? (error.body.details as { allowed?: CaseStatus[] } | undefined)?.allowed : undefined;
  const reopening = detail.status === "closed" || detail.status === "cleared";

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Move the case">
        {detail.allowedTransitions.map((to) => (
          <Button
            key={to}
            size="sm"
            variant={to === "cleared" ? "outline" : "default"}
            disabled={transition.isPending}
            onClick={() => (needsReason(detail.status, to) ? setPending(to) : move(to))}
          >
            {reopening && to === "investigating" ? "Reopen case" : transitionVerbs[to]}
          </Button>
        ))}
      </div>
      {pending ? (
        <form
          className="flex max-w-xl flex-col gap-2 rounded-md border p-3"
          onSubmit={(e) => {
            e.preventDefault();
            move(pending, reason);
          }}
        >
          <Label htmlFor="transition-reason">
            {reopening
              ? "Why reopen this case?"
              : pending === "cleared"
                ? "Why is this a false alarm?"
                : "Closing reason"}
          </Label>
          <textarea
            id="transition-reason"
            autoFocus
            required
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="rounded-md border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={transition.isPending || reason.trim() === ""}>
              Confirm: {statusLabels[pending]}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setPending(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {error ? (
        <Alert tone="error">
          {error.message}
          {allowed ? ` Allowed moves: ${allowed.map((s) => statusLabels[s]).join(", ")}.` : null}
        </Alert>
      ) : null}
    </div>
  );
}
