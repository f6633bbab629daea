"use client";

import Link from "next/link";
import { useState } from "react";
import { CaseGraphPanel } from "@/components/graph/graph-panels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { casePersonaRoles } from "@/lib/personas/constants";
import { useAttachPersona, useCasePersonas, useDetachPersona } from "@/lib/client/hooks/use-personas";
import { casePersonaRoleLabels } from "./labels";
import { PersonaStatusBadge, RiskBadge } from "./persona-badges";
import { PersonaForm } from "./persona-form";
import { PersonaPicker } from "./persona-picker";

type Role = (typeof casePersonaRoles)[number];

function AddPersona({ caseId, exclude }: { caseId: string; exclude: string[] }) {
  const [mode, setMode] = useState<"attach" | "create" | null>(null);
  const [role, setRole] = useState<Role>("subject");
  const attach = useAttachPersona(caseId);
  if (!mode) {
    return (
      <div className="flex gap-2">
        <Button size="sm" onClick={() => setMode("create")}>
          Create a persona in this case
        </Button>
        <Button size="sm" variant="outline" onClick={() => setMode("attach")}>
          Attach an existing persona
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3 rounded-md border p-3">
      {mode === "create" ? (
        <PersonaForm caseId={caseId} onDone={() => setMode(null)} />
      ) : (
        <>
          <div className="flex w-48 flex-col gap-1.5">
            <Label htmlFor="attach-role">Role in this case</Label>
            <Select id="attach-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {casePersonaRoles.map((r) => (
                <option key={r} value={r}>
                  {casePersonaRoleLabels[r]}
                </option>
              ))}
            </Select>
          </div>
          <PersonaPicker
            id="attach-picker"
            label="Persona to attach"
            exclude={exclude}
            onPick={(p) => attach.mutate({ personaId: p.id, role }, { onSuccess: () => setMode(null) })}
          />
          {attach.error ? <Alert tone="error">{attach.error.message}</Alert> : null}
        </>
      )}
      <div>
        <Button variant="ghost" size="sm" onClick={() => setMode(null)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** The case's "Personas & graph" tab. */
export function CasePersonasPanel({ caseId, canEdit }: { caseId: string; canEdit: boolean }) {
  const query = useCasePersonas(caseId);
  const detach = useDetachPersona(caseId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const personas = query.data ?? [];
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Personas in this case</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          {query.isPending ? <Skeleton className="h-20 w-full" /> : null}
          {query.error ? <Alert tone="error">{query.error.message}</Alert> : null}
          {query.data && personas.length === 0 ? (
            <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">
              No personas yet. Create the identity the subject presented (and any facilitators), then add their
              identifiers on the persona page to find who else used them.
            </p>
          ) : null}
          {personas.length > 0 ? (
            <Table aria-label="Personas in this case">
              <THead>
                <tr>
                  <Th>Persona</Th>
                  <Th>Role</Th>
                  <Th>Status</Th>
                  <Th>Risk</Th>
                  <Th>Identifiers</Th>
                  {canEdit ? <Th>Actions</Th> : null}
                </tr>
              </THead>
              <TBody>
                {personas.map((p) => (
                  <Tr key={p.id}>
                    <Td>
                      <Link className="font-medium text-primary hover:underline" href={`/personas/${p.id}`}>
                        {p.displayName}
                      </Link>
                    </Td>
                    <Td>{casePersonaRoleLabels[p.role]}</Td>
                    <Td>
                      <PersonaStatusBadge status={p.status} />
                    </Td>
                    <Td>
                      <RiskBadge score={p.riskScore} />
                    </Td>
                    <Td className="tabular-nums">{p.identifierCount}</Td>
                    {canEdit ? (
                      <Td>
                        {confirming === p.id ? (
                          <span className="flex flex-wrap items-center gap-2 text-xs">
                            {p.caseCount <= 1
                              ? "In no other case you can see: once detached it may become visible to everyone who reads personas."
                              : null}
                            <Button
                              size="sm"
                              variant="destructive"
                              onClick={() => detach.mutate(p.id, { onSuccess: () => setConfirming(null) })}
                            >
                              Confirm detach
                            </Button>
                            <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                              Keep
                            </Button>
                          </span>
                        ) : (
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Detach ${p.displayName}`}
                            onClick={() => setConfirming(p.id)}
                          >
                            Detach
                          </Button>
                        )}
                      </Td>
                    ) : null}
                  </Tr>
                ))}
              </TBody>
            </Table>
          ) : null}
          {detach.error ? <Alert tone="error">{detach.error.message}</Alert> : null}
          {canEdit ? <AddPersona caseId={caseId} exclude={personas.map((p) => p.id)} /> : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Graph of this case</CardTitle>
        </CardHeader>
        <CardContent>
          <CaseGraphPanel caseId={caseId} />
        </CardContent>
      </Card>
    </div>
  );
}
