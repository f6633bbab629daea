"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { explainError } from "@/lib/client/api";
import { useDecideCandidate } from "@/lib/client/hooks/use-review";
import type { CandidateReason, ReviewPair } from "@/lib/personas/candidate-views";

const textareaClass =
  "w-full rounded-md border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

const kindLabels: Record<CandidateReason["kind"], string> = {
  name: "Name",
  alias: "Alias",
  email_key: "Email (same mailbox)",
  phone: "Phone",
  shared_identifier: "Shared identifier",
  resume_text: "Résumé text",
  photo: "Photo",
  employer: "Employer",
  education: "Education",
  common_match: "Common match",
};

interface ReasonSideProps {
  reason: CandidateReason;
  /** 0: the left persona's value and item, 1: the right one's. */
  side: 0 | 1;
}

/** What matched on one side; for a photo, the picture itself (its bytes are read as a custody event). */
function ReasonSide({ reason, side }: ReasonSideProps) {
  const text = (side === 0 ? reason.mine : reason.theirs) ?? "—";
  const item = reason.kind === "photo" && reason.evidenceIds?.length === 2 ? reason.evidenceIds[side] : undefined;
  if (!item) return text;
  return (
    <figure className="flex flex-col gap-1">
      {/* eslint-disable-next-line @next/next/no-img-element -- evidence bytes, never optimised or cached */}
      <img
        src={`/api/evidence/${item}/content?inline=1`}
        alt={`Photo ${text}`}
        className="max-h-48 w-auto rounded border object-contain"
        loading="lazy"
      />
      <figcaption className="text-xs">{text}</figcaption>
    </figure>
  );
}

interface ReviewPairCardProps {
  pair: ReviewPair;
  /** Called once the decision is recorded, so the queue can move focus on. */
  onDecided: () => void;
}

/** One possible match: the two personas side by side, what matched in each, and a person's decision. */
export function ReviewPairCard({ pair, onDecided }: ReviewPairCardProps) {
  const decide = useDecideCandidate();
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const { left, right } = pair;
  const title = `${left.displayName} and ${right.displayName}`;

  const submit = (form: HTMLFormElement, decision: "confirm" | "reject") => {
    const rationale = String(new FormData(form).get("rationale") ?? "").trim();
    if (!rationale) {
      setError("Say why: the reason is kept with the decision");
      form.querySelector("textarea")?.focus();
      return;
    }
    setError(null);
    decide.mutate(
      { personaId: left.id, otherId: right.id, input: { decision, rationale } },
      { onSuccess: onDecided, onError: (e) => setError(explainError(e)) },
    );
  };

  return (
    <Card aria-labelledby={`${id}-title`} data-testid="review-pair">
      <CardHeader className="flex-row items-baseline justify-between gap-2">
        <CardTitle id={`${id}-title`}>{title}</CardTitle>
        <span className="shrink-0 text-sm font-semibold" aria-label={`Score ${pair.score} of 100`}>
          Score {pair.score}
        </span>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <Table aria-label={`What matched: ${title}`}>
          <THead>
            <Tr>
              <Th>What matched</Th>
              <Th>
                <Link className="text-primary underline" href={`/personas/${left.id}`}>
                  {left.displayName}
                </Link>
              </Th>
              <Th>
                <Link className="text-primary underline" href={`/personas/${right.id}`}>
                  {right.displayName}
                </Link>
              </Th>
              <Th className="text-right">Weight</Th>
            </Tr>
          </THead>
          <TBody>
            {pair.reasons.map((r, i) => (
              <Tr key={i}>
                <Td>
                  <div className="font-medium">{kindLabels[r.kind]}</div>
                  <div className="text-xs text-muted-foreground">{r.detail}</div>
                </Td>
                <Td className="break-all">
                  <ReasonSide reason={r} side={0} />
                </Td>
                <Td className="break-all">
                  <ReasonSide reason={r} side={1} />
                </Td>
                <Td className="text-right tabular-nums">{Math.round(r.weight * 100)}%</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <form
          aria-label={`Decide: ${title}`}
          className="flex flex-col gap-2"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
            submit(e.currentTarget, submitter?.value === "reject" ? "reject" : "confirm");
          }}
        >
          <label htmlFor={`${id}-rationale`} className="text-sm font-medium">
            Reason for the decision
          </label>
          <textarea
            id={`${id}-rationale`}
            name="rationale"
            rows={2}
            maxLength={5000}
            className={textareaClass}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error ? (
            <Alert tone="error" id={`${id}-error`}>
              {error}
            </Alert>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" name="decision" value="confirm" disabled={decide.isPending}>
              Confirm: same operator
            </Button>
            <Button type="submit" name="decision" value="reject" variant="outline" disabled={decide.isPending}>
              Reject: not the same
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
