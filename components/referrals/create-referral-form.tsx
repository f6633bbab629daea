"use client";

import { useState } from "react";
import { Field, invalidProps } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type ReferralDestination, referralDestinations } from "@/lib/referrals/constants";
import { ApiError } from "@/lib/client/api";
import { useCreateReferral } from "@/lib/client/hooks/use-referrals";
import { destinationLabels } from "@/lib/referrals/destinations";
import type { ReferralView } from "@/lib/referrals/views";

const textareaClass =
  "w-full rounded-md border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

interface CreateReferralFormProps {
  caseId: string;
  /** Called with the new referral once it is saved. */
  onCreated?: (referral: ReferralView) => void;
}

export function CreateReferralForm({ caseId, onCreated }: CreateReferralFormProps) {
  const create = useCreateReferral(caseId);
  const [destination, setDestination] = useState<ReferralDestination>("fbi_ic3");
  const [errors, setErrors] = useState<Record<string, string>>({});

  return (
    <form
      aria-label="Create a referral"
      className="grid gap-3 border-t pt-4 sm:grid-cols-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const text = (k: string) => String(data.get(k) ?? "").trim();
        create.mutate(
          {
            destination,
            destinationName: text("destinationName") || null,
            contact: text("contact") || null,
            deadlineAt: text("deadlineAt") || undefined,
            blockedAt: destination === "ofac_vsd" ? text("blockedAt") || null : undefined,
            notes: text("notes"),
          },
          {
            onSuccess: (referral) => {
              setErrors({});
              form.reset();
              setDestination("fbi_ic3");
              onCreated?.(referral);
            },
            onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
          },
        );
      }}
    >
      <Field id="referral-destination" label="Destination" error={errors.destination}>
        <Select
          id="referral-destination"
          name="destination"
          value={destination}
          onChange={(e) => setDestination(e.target.value as ReferralDestination)}
        >
          {referralDestinations.map((d) => (
            <option key={d} value={d}>
              {destinationLabels[d]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="referral-name"
        label={destination === "other" ? "Name of the destination" : "Name or office (optional)"}
        error={errors.destinationName}
      >
        <Input
          id="referral-name"
          name="destinationName"
          required={destination === "other"}
          {...invalidProps("referral-name", errors.destinationName)}
        />
      </Field>
      <Field id="referral-contact" label="Agency contact (optional)" error={errors.contact}>
        <Input id="referral-contact" name="contact" {...invalidProps("referral-contact", errors.contact)} />
      </Field>
      <Field
        id="referral-deadline"
        label="Deadline (optional)"
        error={errors.deadlineAt}
        hint={
          destination === "ofac_vsd"
            ? "Leave empty: OFAC reports are due 10 US business days after blocking, or after submission."
            : undefined
        }
      >
        <Input
          id="referral-deadline"
          name="deadlineAt"
          type="date"
          {...invalidProps("referral-deadline", errors.deadlineAt)}
        />
      </Field>
      {destination === "ofac_vsd" ? (
        <Field
          id="referral-blocked"
          label="Funds blocked or transaction rejected on (optional)"
          error={errors.blockedAt}
        >
          <Input
            id="referral-blocked"
            name="blockedAt"
            type="date"
            {...invalidProps("referral-blocked", errors.blockedAt)}
          />
        </Field>
      ) : null}
      <Field
        id="referral-notes"
        label="Notes (optional)"
        error={errors.notes}
        className="flex flex-col gap-1.5 sm:col-span-2"
      >
        <textarea
          id="referral-notes"
          name="notes"
          rows={2}
          className={textareaClass}
          {...invalidProps("referral-notes", errors.notes)}
        />
      </Field>
      <div>
        <Button type="submit" disabled={create.isPending}>
          Create referral
        </Button>
      </div>
      {create.error && Object.keys(errors).length === 0 ? (
        <Alert tone="error" className="sm:col-span-2">
          {create.error.message}
        </Alert>
      ) : null}
    </form>
  );
}
