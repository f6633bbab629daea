"use client";

import { LocalDateTime } from "@/components/ui/local-time";
import { useState } from "react";
import { Field, invalidProps } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ApiError } from "@/lib/client/api";
import { useCreateDisclosure, useDisclosures } from "@/lib/client/hooks/use-referrals";
import { ExportPicker } from "./export-picker";
import type { ReferralView } from "@/lib/referrals/views";

/** What was sent to the agency, to whom and when, with the hash of what was sent. Entries are never edited. */
export function DisclosureLog({ referral }: { referral: ReferralView }) {
  const log = useDisclosures(referral.id);
  const add = useCreateDisclosure(referral.case.id, referral.id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = (k: string) => `disclosure-${k}-${referral.id}`;
  const data = log.data;

  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold">Disclosure log</h4>
      {log.error ? <Alert tone="error">{log.error.message}</Alert> : null}
      {!data ? <p className="text-sm text-muted-foreground">Loading the log…</p> : null}
      {data && data.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Nothing sent yet. Log every pack, document or call as it goes out.
        </p>
      ) : null}
      {data && data.items.length > 0 ? (
        <Table aria-label={`Disclosures for ${referral.destinationLabel}`}>
          <THead>
            <tr>
              <Th>Sent</Th>
              <Th>What</Th>
              <Th>To</Th>
              <Th>By</Th>
              <Th>SHA-256</Th>
            </tr>
          </THead>
          <TBody>
            {data.items.map((d) => (
              <Tr key={d.id} data-testid="disclosure">
                <Td className="whitespace-nowrap">
                  <LocalDateTime iso={d.sentAt} />
                </Td>
                <Td>
                  {d.what}
                  {d.note ? <span className="block text-xs text-muted-foreground">{d.note}</span> : null}
                </Td>
                <Td>{d.recipient}</Td>
                <Td>{d.sentBy?.name ?? "Former user"}</Td>
                <Td className="font-mono text-xs" title={d.sha256 ?? undefined}>
                  {d.sha256 ? `${d.sha256.slice(0, 12)}…` : "—"}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      {data?.permissions.add ? (
        <form
          aria-label="Log a disclosure"
          className="grid gap-2 rounded-md border p-3 sm:grid-cols-2"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const f = new FormData(form);
            const text = (k: string) => String(f.get(k) ?? "").trim();
            const sent = text("sentAt");
            add.mutate(
              {
                what: text("what"),
                recipient: text("recipient"),
                // The browser gives local wall time; send it as an instant so the log is unambiguous.
                sentAt: sent ? new Date(sent).toISOString() : "",
                sha256: text("sha256") || null,
                exportId: text("exportId") || null,
                note: text("note") || null,
              },
              {
                onSuccess: () => {
                  setErrors({});
                  form.reset();
                },
                onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
              },
            );
          }}
        >
          <Field id={id("what")} label="What was sent" error={errors.what}>
            <Input id={id("what")} name="what" required {...invalidProps(id("what"), errors.what)} />
          </Field>
          <Field id={id("recipient")} label="Sent to" error={errors.recipient}>
            <Input
              id={id("recipient")}
              name="recipient"
              required
              {...invalidProps(id("recipient"), errors.recipient)}
            />
          </Field>
          <Field id={id("sentAt")} label="Sent at" error={errors.sentAt}>
            <Input
              id={id("sentAt")}
              name="sentAt"
              type="datetime-local"
              required
              {...invalidProps(id("sentAt"), errors.sentAt)}
            />
          </Field>
          <Field id={id("sha256")} label="SHA-256 of what was sent (optional)" error={errors.sha256}>
            <Input
              id={id("sha256")}
              name="sha256"
              className="font-mono"
              {...invalidProps(id("sha256"), errors.sha256)}
            />
          </Field>
          <ExportPicker id={id("exportId")} name="exportId" caseId={referral.case.id} error={errors.exportId} />
          <Field id={id("note")} label="Note (optional)" error={errors.note}>
            <Input id={id("note")} name="note" {...invalidProps(id("note"), errors.note)} />
          </Field>
          <div className="sm:col-span-2">
            <Button type="submit" size="sm" disabled={add.isPending}>
              Log disclosure
            </Button>
          </div>
          {add.error && Object.keys(errors).length === 0 ? (
            <Alert tone="error" className="sm:col-span-2">
              {add.error.message}
            </Alert>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
