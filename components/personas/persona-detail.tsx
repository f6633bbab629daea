"use client";

import Link from "next/link";
import { useState } from "react";
import { CaseStatusBadge } from "@/components/cases/case-badges";
import { PersonaGraphPanel } from "@/components/graph/graph-panels";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { usePersona } from "@/lib/client/hooks/use-personas";
import type { PersonaDetail as Detail } from "@/lib/personas/views";
import { SanctionsCard } from "./sanctions-card";
import { IdentifiersPanel } from "./identifiers-panel";
import { casePersonaRoleLabels, verificationLabels } from "./labels";
import { LinksPanel } from "./links-panel";
import { PersonaStatusBadge, RiskBadge } from "./persona-badges";
import { PersonaEditor } from "./persona-editor";
import { RedFlagsPanel } from "./red-flags-panel";

function Credentials({ title, items }: { title: string; items: Detail["claimedEducation"] }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase text-muted-foreground">{title}</dt>
      <dd>
        {items.length === 0 ? "—" : null}
        <ul>
          {items.map((c, i) => (
            <li key={i}>
              {c.name}
              {c.detail ? <span className="text-muted-foreground"> ({c.detail})</span> : null}{" "}
              <span className={c.verification === "failed" ? "text-destructive" : "text-muted-foreground"}>
                · {verificationLabels[c.verification]}
              </span>
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

export function PersonaDetailView({ initial }: { initial: Detail }) {
  const { data } = usePersona(initial.id, initial);
  const persona = data ?? initial;
  const [editing, setEditing] = useState(false);
  const canEdit = persona.permissions.edit;
  const field = (label: string, value: string | null) => (
    <div>
      <dt className="text-xs font-semibold uppercase text-muted-foreground">{label}</dt>
      <dd>{value || "—"}</dd>
    </div>
  );

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="persona-name">
          {persona.displayName}
        </h1>
        <PersonaStatusBadge status={persona.status} />
        <RiskBadge score={persona.risk.score} />
        {canEdit && !editing ? (
          <Button variant="outline" size="sm" className="ml-auto" onClick={() => setEditing(true)}>
            Edit persona
          </Button>
        ) : null}
      </header>
      <Card>
        <CardHeader>
          <CardTitle>Claimed identity</CardTitle>
        </CardHeader>
        <CardContent>
          {editing ? (
            <PersonaEditor key={persona.version} persona={persona} onDone={() => setEditing(false)} />
          ) : (
            <dl className="grid gap-3 text-sm sm:grid-cols-3">
              {field("Aliases", persona.aliases.join(", "))}
              {field("Claimed location", persona.claimedLocation)}
              {field("Claimed time zone", persona.claimedTimezone)}
              {field("Claimed nationality", persona.claimedNationality)}
              <Credentials title="Claimed education" items={persona.claimedEducation} />
              <Credentials title="Claimed employers" items={persona.claimedEmployers} />
              <div className="sm:col-span-3">
                <dt className="text-xs font-semibold uppercase text-muted-foreground">Notes</dt>
                <dd className="whitespace-pre-wrap">{persona.notes || "—"}</dd>
              </div>
              {persona.photoEvidenceId ? field("Photo (evidence)", persona.photoEvidenceId) : null}
            </dl>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Identifiers</CardTitle>
          <CardDescription>
            Normalised, so the same value entered in another form is the same identifier. Matches in cases you cannot
            access are only counted.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <IdentifiersPanel
            personaId={persona.id}
            identifiers={persona.identifiers}
            canEdit={canEdit}
            cases={persona.cases}
            defaultRegion={persona.claimedCountry}
          />
        </CardContent>
      </Card>
      <SanctionsCard personaId={persona.id} identifierIds={persona.identifiers.map((i) => i.id)} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Red flags and risk</CardTitle>
          </CardHeader>
          <CardContent>
            <RedFlagsPanel persona={persona} canEdit={canEdit} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Cases</CardTitle>
          </CardHeader>
          <CardContent>
            {persona.cases.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                {persona.hiddenCaseCount > 0 ? "" : "In no case: visible to everyone who reads personas."}
              </p>
            ) : null}
            <ul className="flex flex-col gap-1 text-sm">
              {persona.cases.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/cases/${c.id}?tab=personas`} className="font-mono text-xs text-primary hover:underline">
                    {c.ref}
                  </Link>
                  <span>{c.title}</span>
                  <CaseStatusBadge status={c.status} />
                  <span className="text-muted-foreground">as {casePersonaRoleLabels[c.role].toLowerCase()}</span>
                </li>
              ))}
            </ul>
            {persona.hiddenCaseCount > 0 ? (
              <p className="mt-2 text-sm text-muted-foreground">
                Also in {persona.hiddenCaseCount} case{persona.hiddenCaseCount === 1 ? "" : "s"} you cannot access.
              </p>
            ) : null}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Links</CardTitle>
          <CardDescription>
            Explicit links carry a relation, confidence and rationale. Personas sharing an identifier are suggested
            until you confirm or reject them.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <LinksPanel personaId={persona.id} canEdit={canEdit} />
        </CardContent>
      </Card>
      <Card id="graph">
        <CardHeader>
          <CardTitle>Graph</CardTitle>
        </CardHeader>
        <CardContent>
          <PersonaGraphPanel personaId={persona.id} />
        </CardContent>
      </Card>
    </div>
  );
}
