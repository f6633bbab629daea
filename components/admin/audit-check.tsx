"use client";

import { formatCount } from "@/lib/format";
import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";

interface Verification {
  ok: boolean;
  checked: number;
  firstBreak: { seq: number; problem: string; message: string } | null;
  anchors: { lines: number; latest: { seq: number; at: string } | null; problems: { message: string }[] };
}

export function AuditCheck() {
  const verify = useMutation({ mutationFn: () => apiFetch<Verification>(apiPath("/api/audit/verify")) });
  const result = verify.data;
  const anchors = result?.anchors;
  return (
    <div className="flex flex-col items-start gap-3">
      <Button variant="outline" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? "Checking every event…" : "Verify the audit chain"}
      </Button>
      {result?.ok ? (
        <Alert tone="success">
          Audit chain intact: {formatCount(result.checked, "event")} checked.
          {anchors?.latest
            ? ` The newest anchor (event ${anchors.latest.seq}, ${anchors.latest.at}) matches the log.`
            : null}
        </Alert>
      ) : null}
      {result && result.firstBreak ? (
        <Alert tone="error">
          Audit chain broken at event {result.firstBreak.seq}: {result.firstBreak.message}.{" "}
          {formatCount(result.checked, "event")} before it {result.checked === 1 ? "is" : "are"} intact.
        </Alert>
      ) : null}
      {anchors && anchors.problems.length > 0 ? (
        <Alert tone="error">
          The log does not agree with its signed anchors:
          <ul className="list-disc pl-5">
            {anchors.problems.map((p) => (
              <li key={p.message}>{p.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {anchors && anchors.lines === 0 && anchors.problems.length === 0 ? (
        <Alert>
          No anchors yet: deleting or rewriting the newest events cannot be detected until the server writes one (every
          minute while events arrive).
        </Alert>
      ) : null}
      {verify.error ? <Alert tone="error">{verify.error.message}</Alert> : null}
    </div>
  );
}
