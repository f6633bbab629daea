"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useRequestAccess } from "@/lib/client/hooks/use-cases";
import { ACCESS_REQUEST_ANSWER } from "@/lib/cases/constants";
import { Field } from "./field";

const textareaClass =
  "w-full rounded-md border bg-background px-3 py-2 text-left text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * On every case 404, whether the case exists or not, so the page never tells the two apart: the
 * server records the request only for a case that exists and answers the same either way. An id
 * that is not even well-formed cannot be a case, so it is answered here without asking.
 */
export function RequestAccessForm({ caseId }: { caseId: string }) {
  const request = useRequestAccess(caseId);
  const [message, setMessage] = useState("");
  const [sent, setSent] = useState<string | null>(null);

  if (sent) return <Alert tone="success">{sent}</Alert>;
  return (
    <form
      aria-label="Request access"
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!UUID.test(caseId)) {
          setSent(ACCESS_REQUEST_ANSWER);
          return;
        }
        request.mutate({ message }, { onSuccess: (answer) => setSent(answer.message) });
      }}
    >
      <Field id="access-message" label="If this is a case you need, tell its lead why (optional)">
        <textarea
          id="access-message"
          rows={2}
          maxLength={2000}
          className={textareaClass}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </Field>
      <div>
        <Button type="submit" disabled={request.isPending}>
          {request.isPending ? "Sending…" : "Request access"}
        </Button>
      </div>
      {request.error ? <Alert tone="error">{request.error.message}</Alert> : null}
    </form>
  );
}
