"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/client/api";
import { useCreateWebhook, useDeleteWebhook, useWebhooks } from "@/lib/client/hooks/use-webhooks";
import { notificationEvents } from "@/lib/notifications/constants";
import type { WebhookView } from "@/lib/webhooks/schema";
import { WebhookDeliveries } from "./webhook-deliveries";

interface WebhooksPanelProps {
  initial: { items: WebhookView[] };
}

export function WebhooksPanel({ initial }: WebhooksPanelProps) {
  const { data = initial } = useWebhooks(initial);
  const create = useCreateWebhook();
  const remove = useDeleteWebhook();
  const [secret, setSecret] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    const chosen = fields.getAll("events").map(String);
    setErrors({});
    setSecret(null);
    try {
      const created = await create.mutateAsync({
        url: String(fields.get("url") ?? ""),
        description: String(fields.get("description") ?? ""),
        events: (chosen.length > 0 ? chosen : ["*"]) as never,
      });
      setSecret(created.secret);
      form.reset();
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} aria-label="Register a webhook" className="flex flex-col gap-3" noValidate>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="webhook-url">Endpoint address</Label>
            <Input
              id="webhook-url"
              name="url"
              type="url"
              placeholder="https://hooks.example.org/casework"
              className="w-96"
              aria-invalid={errors.url ? true : undefined}
            />
            {errors.url ? <p className="text-xs text-destructive">{errors.url}</p> : null}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="webhook-description">Description</Label>
            <Input id="webhook-description" name="description" className="w-64" />
          </div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Registering…" : "Register webhook"}
          </Button>
        </div>
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <legend className="mb-1 text-xs text-muted-foreground">Events (none ticked: all of them)</legend>
          {notificationEvents.map((e) => (
            <label key={e} className="flex items-center gap-1.5">
              <input type="checkbox" name="events" value={e} />
              <code className="text-xs">{e}</code>
            </label>
          ))}
        </fieldset>
      </form>
      {secret ? (
        <Alert tone="success">
          <p className="font-medium">Copy this signing secret now: it will not be shown again.</p>
          <code
            data-testid="webhook-secret"
            className="mt-1 block break-all rounded bg-muted px-2 py-1 font-mono text-xs select-all"
          >
            {secret}
          </code>
          <p className="mt-1 text-xs">
            Each delivery carries{" "}
            <code>X-Casework-Signature: sha256=&lt;HMAC-SHA256 of the body with this secret&gt;</code>.
          </p>
        </Alert>
      ) : null}
      {create.error ? <Alert tone="error">{create.error.message}</Alert> : null}
      {data.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No webhooks yet. Register an endpoint above to send events to another system.
        </p>
      ) : (
        <ul className="flex flex-col divide-y rounded-md border" aria-label="Webhooks">
          {data.items.map((w) => (
            <li key={w.id} className="flex flex-col gap-2 px-3 py-2">
              <div className="flex flex-wrap items-center gap-3">
                <div className="min-w-0 flex-1">
                  <p className="break-all font-mono text-sm">{w.url}</p>
                  <p className="text-xs text-muted-foreground">
                    {w.events.join(", ")}
                    {w.description ? ` · ${w.description}` : ""}
                    {w.createdBy ? ` · by ${w.createdBy}` : ""}
                  </p>
                </div>
                <Button
                  variant="outline"
                  size="sm"
                  aria-expanded={open === w.id}
                  onClick={() => setOpen(open === w.id ? null : w.id)}
                >
                  {open === w.id ? "Hide deliveries" : "Deliveries"}
                </Button>
                <Button
                  variant="destructive"
                  size="sm"
                  aria-label={`Delete webhook ${w.url}`}
                  disabled={remove.isPending}
                  onClick={() =>
                    window.confirm(`Delete the webhook to ${w.url} and its delivery log?`) && remove.mutate(w.id)
                  }
                >
                  Delete
                </Button>
              </div>
              {open === w.id ? <WebhookDeliveries webhookId={w.id} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
