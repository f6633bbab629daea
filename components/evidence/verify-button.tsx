"use client";

import { ShieldAlert, ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useVerifyEvidence } from "@/lib/client/hooks/use-evidence";

/** Re-hashes the stored bytes on the server; a failure is shown so that nobody can miss it. */
export function VerifyButton({ evidenceId, caseId }: { evidenceId: string; caseId: string }) {
  const verify = useVerifyEvidence(evidenceId, caseId);
  const result = verify.data;
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" variant="outline" onClick={() => verify.mutate(undefined)} disabled={verify.isPending}>
          <ShieldCheck aria-hidden className="size-4" />
          {verify.isPending ? "Verifying…" : "Verify integrity"}
        </Button>
      </div>
      {verify.error ? <Alert tone="error">{verify.error.message}</Alert> : null}
      {result?.ok ? (
        <Alert tone="success" data-testid="verify-result">
          <span className="font-semibold">Verified.</span> The stored bytes still hash to the SHA-256 recorded at
          upload.
        </Alert>
      ) : null}
      {result && !result.ok ? (
        <Alert tone="error" data-testid="verify-result" className="border-2 text-base">
          <span className="flex items-center gap-2 font-bold uppercase">
            <ShieldAlert aria-hidden className="size-5" />
            Integrity check failed
          </span>
          {result.problem === "missing" ? (
            <p>The stored bytes of this item are missing. Do not rely on this exhibit; tell the case lead and legal.</p>
          ) : (
            <p className="break-all">
              The stored bytes no longer match. Recorded {result.expected}, now {result.actual}. Downloads of this item
              are stopped; tell the case lead and legal.
            </p>
          )}
        </Alert>
      ) : null}
    </div>
  );
}
