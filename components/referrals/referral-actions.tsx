"use client";

import { useState } from "react";
import { Field, invalidProps } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ReferralStatus } from "@/lib/referrals/constants";
import { ApiError } from "@/lib/client/api";
import { useTransitionReferral } from "@/lib/client/hooks/use-referrals";
import type { ReferralView } from "@/lib/referrals/views";

const verbs: Partial<Record<ReferralStatus, string>> = {
  submitted: "Submit",
  acknowledged: "Mark acknowledged",
  closed: "Close referral",
  declined: "Decline",
};

const dateLabels: Partial<Record<ReferralStatus, string>> = {
  submitted: "Date submitted",
  acknowledged: "Date acknowledged",
  closed: "Date closed",
  declined: "Date declined",
};

/** The referral's next moves; each asks for its date, and submitting for the agency's reference number. */
export function ReferralActions({ referral }: { referral: ReferralView }) {
  const transition = useTransitionReferral(referral.case.id, referral.id);
  const [to, setTo] = useState<ReferralStatus | null>(null);
  const errors = transition.error instanceof ApiError ? transition.error.fieldErrors() : {};
  if (referral.allowedTransitions.length === 0) return null;
  const ref = `referral-ref-${referral.id}`;
  const date = `referral-date-${referral.id}`;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Move the ${referral.destinationLabel} referral`}>
        {referral.allowedTransitions.map((s) => (
          <Button
            key={s}
            size="sm"
            variant={s === "declined" ? "outline" : "default"}
            disabled={transition.isPending}
            onClick={() => setTo(s)}
          >
            {verbs[s] ?? s}
          </Button>
        ))}
      </div>
      {to ? (
        <form
          aria-label={verbs[to] ?? to}
          className="grid max-w-xl gap-2 rounded-md border bg-muted/30 p-3 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const referenceNo = String(data.get("referenceNo") ?? "").trim();
            const when = String(data.get("date") ?? "").trim();
            transition.mutate(
              { to, ...(referenceNo ? { referenceNo } : {}), ...(when ? { date: when } : {}) },
              { onSuccess: () => setTo(null) },
            );
          }}
        >
          {to === "submitted" ? (
            <Field id={ref} label="Agency reference number" error={errors.referenceNo}>
              <Input
                id={ref}
                name="referenceNo"
                required
                autoFocus
                defaultValue={referral.referenceNo ?? ""}
                {...invalidProps(ref, errors.referenceNo)}
              />
            </Field>
          ) : null}
          <Field id={date} label={`${dateLabels[to] ?? "Date"} (empty for today)`} error={errors.date}>
            <Input id={date} name="date" type="date" {...invalidProps(date, errors.date)} />
          </Field>
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" size="sm" disabled={transition.isPending}>
              Confirm: {verbs[to] ?? to}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setTo(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {transition.error && Object.keys(errors).length === 0 ? (
        <Alert tone="error">{transition.error.message}</Alert>
      ) : null}
    </div>
  );
}
