"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { explainError } from "@/lib/client/api";
import { useCreateShare } from "@/lib/client/hooks/use-shares";
import type { CreatedShare } from "@/lib/shares/views";

interface ShareFormProps {
  exportId: string;
  referrals: { id: string; label: string }[];
}

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/** Makes a link for one outside recipient; the link (and code) are shown here once, never again. */
export function ShareForm({ exportId, referrals }: ShareFormProps) {
  const create = useCreateShare(exportId);
  const [created, setCreated] = useState<CreatedShare | null>(null);
  async function submit(form: FormData) {
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setCreated(
      await create.mutateAsync({
        recipient: text("recipient"),
        email: text("email") || null,
        expiresAt: text("expiresAt"),
        maxDownloads: text("maxDownloads") ? Number(text("maxDownloads")) : null,
        withCode: form.get("withCode") === "on",
        referralId: text("referralId") || null,
      }),
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {created ? (
        <Alert tone="success" data-testid="share-created">
          <p className="font-medium">Link for {created.recipient}: copy it now, it is not shown again.</p>
          <Input readOnly aria-label="Share link" value={created.url} onFocus={(e) => e.currentTarget.select()} />
          {created.code ? (
            <p className="mt-2">
              One-time code, to send by another channel (a phone call, a text):{" "}
              <code data-testid="share-code" className="font-mono">
                {created.code}
              </code>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {create.error ? <Alert tone="error">{explainError(create.error)}</Alert> : null}
      <form action={submit} className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="share-recipient">Recipient</Label>
          <Input
            id="share-recipient"
            name="recipient"
            required
            maxLength={300}
            placeholder="Det. Jane Roe, FBI Boston"
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="share-email">Recipient’s e-mail (optional)</Label>
          <Input id="share-email" name="email" type="email" />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="share-expires">Expires at the end of</Label>
          <Input id="share-expires" name="expiresAt" type="date" required defaultValue={inTwoWeeks()} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="share-max">Most downloads (optional)</Label>
          <Input id="share-max" name="maxDownloads" type="number" min={1} max={100} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="share-referral">Record downloads in the disclosure log of</Label>
          <Select id="share-referral" name="referralId" defaultValue="">
            <option value="">No referral</option>
            {referrals.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </Select>
        </div>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="withCode" /> Also require a one-time code
        </label>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create link"}
          </Button>
        </div>
      </form>
    </div>
  );
}
