"use client";

import { LocalDateTime } from "@/components/ui/local-time";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useAccessRequests, useDecideAccessRequest } from "@/lib/client/hooks/use-cases";

/** Requests for access waiting for the lead: grant makes the requester a member, refuse leaves them out. */
export function AccessRequestsList({ caseId }: { caseId: string }) {
  const requests = useAccessRequests(caseId, true);
  const decide = useDecideAccessRequest(caseId);

  if (requests.isPending)
    return <Skeleton className="h-8 w-full" role="status" aria-label="Loading requests for access" />;
  if (requests.error) return <Alert tone="error">{requests.error.message}</Alert>;
  if (requests.data.length === 0) return null;
  return (
    <section aria-labelledby={`access-requests-${caseId}`} className="flex flex-col gap-2 border-t pt-3">
      <h3 id={`access-requests-${caseId}`} className="text-sm font-medium">
        Requests for access
      </h3>
      <ul className="flex flex-col gap-3 text-sm" aria-label="Requests for access">
        {requests.data.map((r) => (
          <li key={r.id} className="flex flex-col gap-1">
            <span>
              {r.user.name} <span className="text-muted-foreground">· {r.user.role}</span>
            </span>
            <span className="text-xs text-muted-foreground">
              Asked <LocalDateTime iso={r.createdAt} />
              {r.message ? `: “${r.message}”` : ""}
            </span>
            <span className="flex gap-2">
              <Button
                size="sm"
                aria-label={`Grant access to ${r.user.name}`}
                disabled={decide.isPending}
                onClick={() => decide.mutate({ requestId: r.id, decision: "grant" })}
              >
                Grant
              </Button>
              <Button
                size="sm"
                variant="outline"
                aria-label={`Refuse access to ${r.user.name}`}
                disabled={decide.isPending}
                onClick={() => decide.mutate({ requestId: r.id, decision: "refuse" })}
              >
                Refuse
              </Button>
            </span>
          </li>
        ))}
      </ul>
      {decide.error ? <Alert tone="error">{decide.error.message}</Alert> : null}
    </section>
  );
}
