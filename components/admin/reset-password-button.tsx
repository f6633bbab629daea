"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";

/** Resets a user's password after a confirmation, and shows the temporary one once. */
export function ResetPasswordButton({ user }: { user: { id: string; name: string } }) {
  const [state, setState] = useState<"idle" | "confirm" | "busy">("idle");
  const [temporary, setTemporary] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function reset() {
    setState("busy");
    setError(null);
    try {
      const out = await apiFetch<{ temporaryPassword: string }>(
        apiPath("/api/users/{id}/password-reset", { id: user.id }),
        { method: "POST" },
      );
      setTemporary(out.temporaryPassword);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The reset failed");
    }
    setState("idle");
  }

  if (temporary)
    return (
      <p role="status" className="text-xs">
        Temporary password for {user.name} (shown once; they must change it at sign-in):{" "}
        <code className="select-all font-mono" data-testid="temporary-password">
          {temporary}
        </code>
      </p>
    );
  if (state === "confirm")
    return (
      <span className="inline-flex items-center gap-1 text-xs">
        Sign {user.name} out and reset?
        <Button size="sm" variant="destructive" onClick={reset}>
          Reset
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setState("idle")}>
          Cancel
        </Button>
      </span>
    );
  return (
    <>
      <Button
        size="sm"
        variant="outline"
        disabled={state === "busy"}
        onClick={() => setState("confirm")}
        aria-label={`Reset the password of ${user.name}`}
      >
        Reset password
      </Button>
      {error ? <span className="ml-2 text-xs text-destructive">{error}</span> : null}
    </>
  );
}
