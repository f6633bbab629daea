"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";

interface Verification {
  ok: boolean;
  checked: number;
  firstBreak: { seq: number; problem: string; message: string } | null;
}

export function AuditCheck() {
  const verify = useMutation({ mutationFn: () => apiFetch<Verification>(apiPath("/api/audit/verify")) });
  const result = verify.data;
  return (
    <div className="flex flex-col items-start gap-3">
      <Button variant="outline" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? "Checking every event…" : "Verify the audit chain"}
      </Button>
      {result?.ok ? <Alert tone="success">Audit chain intact: {result.checked} events checked.</Alert> : null}
      {result && !result.ok ? (
        <Alert tone="error">
          Audit chain broken at event {result.firstBreak?.seq}: {result.firstBreak?.message}. {result.checked} events before it are intact.
        </Alert>
      ) : null}
      {verify.error ? <Alert tone="error">{verify.error.message}</Alert> : null}
    </div>
  );
}
