"use client";

import Link from "next/link";
import { useState } from "react";
import { Field } from "@/components/cases/field";
import { statusLabels } from "@/components/cases/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useReferableCases } from "@/lib/client/hooks/use-referrals";
import { CreateReferralForm } from "./create-referral-form";

/**
 * "New referral" on the Referrals page: pick one of the cases the user may draft referrals on
 * (the server lists only those), then the same form as on the case's Referrals tab.
 */
export function NewReferral() {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [picked, setPicked] = useState("");
  const [created, setCreated] = useState<{ caseId: string; ref: string } | null>(null);
  const cases = useReferableCases(open ? q : "");
  const items = cases.data ?? [];
  const caseId = items.some((c) => c.id === picked) ? picked : (items[0]?.id ?? "");
  const chosen = items.find((c) => c.id === caseId);

  if (!open)
    return (
      <div className="mb-4 flex flex-col items-end gap-2">
        <Button
          onClick={() => {
            setOpen(true);
            setCreated(null);
          }}
        >
          New referral
        </Button>
        {created ? (
          <Alert tone="success">
            Referral drafted on {created.ref}.{" "}
            <Link className="text-primary underline" href={`/cases/${created.caseId}?tab=referrals`}>
              Open the case’s referrals
            </Link>
          </Alert>
        ) : null}
      </div>
    );
  return (
    <Card className="mb-4">
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div>
          <CardTitle>New referral</CardTitle>
          <CardDescription>Only the cases you may draft referrals on are listed.</CardDescription>
        </div>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="new-referral-search" label="Find a case">
            <Input
              id="new-referral-search"
              value={q}
              placeholder="Reference or title"
              onChange={(e) => setQ(e.target.value)}
            />
          </Field>
          <Field id="new-referral-case" label="Case">
            <Select
              id="new-referral-case"
              value={caseId}
              disabled={items.length === 0}
              onChange={(e) => setPicked(e.target.value)}
            >
              {items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.ref} · {c.title} ({statusLabels[c.status]})
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {cases.error ? <Alert tone="error">{cases.error.message}</Alert> : null}
        {cases.isPending ? (
          <p role="status" className="text-sm text-muted-foreground">
            Loading cases…
          </p>
        ) : items.length === 0 ? (
          <p className="rounded-md border border-dashed p-4 text-center text-sm text-muted-foreground">
            {q
              ? "No case you may draft a referral on matches. Try another reference or title."
              : "No cases to refer yet. A case appears here once its lead asks legal to review it, or once it is referred."}
          </p>
        ) : null}
        {chosen ? (
          <CreateReferralForm
            key={chosen.id}
            caseId={chosen.id}
            onCreated={() => {
              setCreated({ caseId: chosen.id, ref: chosen.ref });
              setOpen(false);
              setQ("");
              setPicked("");
            }}
          />
        ) : null}
      </CardContent>
    </Card>
  );
}
