"use client";

import { useState } from "react";
import { Field } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useAddRedFlag, useRemoveRedFlag } from "@/lib/client/hooks/use-personas";
import { RISK_CAP, type RedFlagCode, riskWeights } from "@/lib/personas/risk";
import type { PersonaDetail } from "@/lib/personas/views";
import { RiskBadge } from "./persona-badges";
import { RemoveFlagForm } from "./remove-flag-form";
import { ReuseBasis } from "./reuse-basis";

const groups = [...new Set(Object.values(riskWeights).map((w) => w.group))];

interface RedFlagsPanelProps {
  persona: Pick<PersonaDetail, "id" | "redFlags" | "risk">;
  canEdit: boolean;
}

/** The flags recorded and the score they add up to, flag by flag. */
export function RedFlagsPanel({ persona, canEdit }: RedFlagsPanelProps) {
  const add = useAddRedFlag(persona.id);
  const remove = useRemoveRedFlag(persona.id);
  const [code, setCode] = useState("");
  const [note, setNote] = useState("");
  const [removing, setRemoving] = useState<string | null>(null);
  const recorded = new Set(persona.redFlags.map((f) => f.code));
  const { risk } = persona;

  return (
    <div className="flex flex-col gap-3">
      <p className="flex items-center gap-2 text-sm">
        Risk score <RiskBadge score={risk.score} />
        <span className="text-muted-foreground">
          = the sum of the weights below{risk.capped ? ` (${risk.sum}, capped at ${RISK_CAP})` : ""}
        </span>
      </p>
      {persona.redFlags.length === 0 ? (
        <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">
          No red flags recorded. Record what you observed (no camera, laptop sent to a forwarder, crypto payout…) and
          the score follows.
        </p>
      ) : (
        <Table aria-label="Red flags and their weights">
          <THead>
            <tr>
              <Th>Flag</Th>
              <Th>Weight</Th>
              <Th>Note</Th>
              <Th>Recorded by</Th>
              {canEdit ? <Th>Actions</Th> : null}
            </tr>
          </THead>
          <TBody>
            {persona.redFlags.map((f) => (
              <Tr key={f.code}>
                <Td>
                  <div className="font-medium">{f.label}</div>
                  <div className="font-mono text-xs text-muted-foreground">{f.code}</div>
                </Td>
                <Td className="tabular-nums">+{f.weight}</Td>
                <Td>
                  {f.note ?? "—"}
                  {f.reusedWith ? <ReuseBasis reusedWith={f.reusedWith} /> : null}
                </Td>
                <Td>{f.recordedBy?.name ?? "System"}</Td>
                {canEdit ? (
                  <Td>
                    {removing === f.code ? (
                      <RemoveFlagForm
                        code={f.code}
                        bySystem={f.recordedBy === null}
                        pending={remove.isPending}
                        onCancel={() => setRemoving(null)}
                        onRemove={(reason) =>
                          remove.mutate(
                            { code: f.code, ...(reason ? { reason } : {}) },
                            { onSuccess: () => setRemoving(null) },
                          )
                        }
                      />
                    ) : (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Remove ${f.code}`}
                        disabled={remove.isPending}
                        onClick={() => setRemoving(f.code)}
                      >
                        Remove
                      </Button>
                    )}
                  </Td>
                ) : null}
              </Tr>
            ))}
            <Tr>
              <Td className="font-semibold">Total</Td>
              <Td className="font-semibold tabular-nums">{risk.sum}</Td>
              <Td colSpan={canEdit ? 3 : 2} className="text-muted-foreground">
                {risk.capped ? `Score capped at ${RISK_CAP}` : `Score ${risk.score} of ${RISK_CAP}`}
              </Td>
            </Tr>
          </TBody>
        </Table>
      )}
      {canEdit ? (
        <form
          aria-label="Record a red flag"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!code) return;
            add.mutate(
              { code: code as RedFlagCode, ...(note.trim() ? { note: note.trim() } : {}) },
              { onSuccess: () => (setCode(""), setNote("")) },
            );
          }}
        >
          <Field id="flag-code" label="Red flag" className="flex w-80 flex-col gap-1.5">
            <Select id="flag-code" value={code} onChange={(e) => setCode(e.target.value)}>
              <option value="">Choose a flag…</option>
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {Object.entries(riskWeights)
                    .filter(([c, w]) => w.group === g && !recorded.has(c))
                    .map(([c, w]) => (
                      <option key={c} value={c}>
                        {w.label} (+{w.weight})
                      </option>
                    ))}
                </optgroup>
              ))}
            </Select>
          </Field>
          <Field id="flag-note" label="Note (optional)" className="flex min-w-64 flex-1 flex-col gap-1.5">
            <Input id="flag-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <Button type="submit" disabled={!code || add.isPending}>
            Record flag
          </Button>
        </form>
      ) : null}
      {add.error || remove.error ? <Alert tone="error">{(add.error ?? remove.error)?.message}</Alert> : null}
    </div>
  );
}
