"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/client/api";
import { useCreateToken } from "@/lib/client/hooks/use-tokens";

export function CreateTokenForm() {
  const create = useCreateToken();
  const [secret, setSecret] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const expires = String(data.get("expires") ?? "");
    setFieldErrors({});
    try {
      const created = await create.mutateAsync({
        name: String(data.get("name") ?? ""),
        // A date picked in the form expires at the end of that day, local time.
        expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined,
      });
      setSecret(created.token);
      form.reset();
    } catch (error) {
      if (error instanceof ApiError) setFieldErrors(error.fieldErrors());
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} aria-label="Create an API token" className="flex flex-wrap items-end gap-3" noValidate>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="token-name">Token name</Label>
          <Input
            id="token-name"
            name="name"
            placeholder="e.g. HR sync script"
            required
            className="w-64"
            aria-invalid={fieldErrors.name ? true : undefined}
          />
          {fieldErrors.name ? <p className="text-xs text-destructive">{fieldErrors.name}</p> : null}
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="token-expires">Expires (optional)</Label>
          <Input
            id="token-expires"
            name="expires"
            type="date"
            className="w-44"
            aria-invalid={fieldErrors.expiresAt ? true : undefined}
          />
          {fieldErrors.expiresAt ? <p className="text-xs text-destructive">{fieldErrors.expiresAt}</p> : null}
        </div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {secret ? (
        <Alert tone="success">
          <p className="font-medium">Copy this token now: it will not be shown again.</p>
          <code
            data-testid="new-token"
            className="mt-1 block break-all rounded bg-muted px-2 py-1 font-mono text-xs select-all"
          >
            {secret}
          </code>
          <p className="mt-1 text-xs">
            Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
          </p>
        </Alert>
      ) : null}
      {create.error && Object.keys(fieldErrors).length === 0 ? (
        <Alert tone="error">{create.error.message}</Alert>
      ) : null}
    </div>
  );
}
