"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LocalDateTime } from "@/components/ui/local-time";
import { useDeliveries, useResendDelivery } from "@/lib/client/hooks/use-webhooks";

/** One endpoint's delivery log, newest first, with Re-send on each. */
export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
  const { data, error, isPending } = useDeliveries(webhookId);
  const resend = useResendDelivery(webhookId);
  if (isPending) return <p className="text-sm text-muted-foreground">Loading deliveries…</p>;
  if (error) return <Alert tone="error">{error.message}</Alert>;
  if (data.items.length === 0)
    return <p className="text-sm text-muted-foreground">Nothing has been sent to this endpoint yet.</p>;
  return (
    <table className="w-full text-xs" aria-label="Deliveries">
      <thead>
        <tr className="text-left text-muted-foreground">
          <th className="py-1 font-medium">When</th>
          <th className="py-1 font-medium">Event</th>
          <th className="py-1 font-medium">Status</th>
          <th className="py-1 font-medium">Attempts</th>
          <th className="py-1 font-medium">Last answer</th>
          <th className="py-1 font-medium">Next attempt</th>
          <th className="py-1 font-medium">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((d) => (
          <tr key={d.id} className="border-t align-top">
            <td className="py-1 pr-2">
              <LocalDateTime iso={d.createdAt} />
            </td>
            <td className="py-1 pr-2 font-mono">{d.event}</td>
            <td className="py-1 pr-2">{d.status}</td>
            <td className="py-1 pr-2">{d.attempts}</td>
            <td className="py-1 pr-2">{d.responseCode ?? d.error ?? "—"}</td>
            <td className="py-1 pr-2">{d.nextAttemptAt ? <LocalDateTime iso={d.nextAttemptAt} /> : "—"}</td>
            <td className="py-1">
              <Button variant="outline" size="sm" disabled={resend.isPending} onClick={() => resend.mutate(d.id)}>
                Re-send
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
