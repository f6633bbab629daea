"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { useRequestLegalReview } from "@/lib/client/hooks/use-cases";
import { useDirectory } from "@/lib/client/hooks/use-directory";
import { formatCount } from "@/lib/format";
import { Field } from "./field";

const textareaClass =
  "w-full rounded-md border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** The lead asks one lawyer or the whole legal team to review the case: they join it and it goes on legal's queue. */
export function LegalReviewForm({ caseId }: { caseId: string }) {
  const lawyers = useDirectory("", "legal");
  const ask = useRequestLegalReview(caseId);
  const [to, setTo] = useState("team");
  const [message, setMessage] = useState("");
  const [done, setDone] = useState<string | null>(null);

  return (
    <form
      aria-label="Request legal review"
      className="flex flex-col gap-2 border-t pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        ask.mutate(
          { userId: to === "team" ? null : to, message },
          {
            onSuccess: (result) => {
              setMessage("");
              setDone(
                `Legal review requested from ${formatCount(result.requests.length, "lawyer")}. The case is on their referral queue.`,
              );
            },
          },
        );
      }}
    >
      <Field id="legal-review-to" label="Request legal review from">
        <Select id="legal-review-to" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="team">The legal team (every legal user)</option>
          {(lawyers.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="legal-review-message" label="Message (optional)">
        <textarea
          id="legal-review-message"
          rows={2}
          className={textareaClass}
          value={message}
          maxLength={2000}
          onChange={(e) => setMessage(e.target.value)}
        />
      </Field>
      <Button type="submit" size="sm" variant="outline" disabled={ask.isPending}>
        {ask.isPending ? "Requesting…" : "Request legal review"}
      </Button>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {ask.error ? <Alert tone="error">{ask.error.message}</Alert> : null}
    </form>
  );
}
