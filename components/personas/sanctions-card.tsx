"use client";

import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LocalDate } from "@/components/ui/local-time";
import { Skeleton } from "@/components/ui/skeleton";
import { usePersonaSanctions } from "@/lib/client/hooks/use-sanctions";
import { sanctionsSourceLabels } from "@/lib/sanctions/constants";
import { SanctionsHitJudgement } from "./sanctions-hit-judgement";

const matchLabels: Record<string, string> = {
  wallet: "Wallet",
  email: "E-mail",
  domain: "Website",
  document: "Document",
  name: "Name",
};

/** Entries of the current sanctions lists that hold one of the persona's identifiers. */
export function SanctionsCard({ personaId, identifierIds }: { personaId: string; identifierIds: string[] }) {
  const hits = usePersonaSanctions(personaId, identifierIds.join(","));
  const items = hits.data?.items ?? [];
  const anyOpen = items.some((h) => h.status === "open");
  return (
    <Card aria-labelledby="sanctions-title" className={anyOpen ? "border-destructive" : undefined}>
      <CardHeader>
        <CardTitle id="sanctions-title">Sanctions screening</CardTitle>
        <CardDescription>
          Wallets, e-mails, websites, documents and names compared with the current sanctions lists (Admin page).
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {hits.isPending ? <Skeleton className="h-10 w-full" /> : null}
        {hits.error ? <Alert tone="error">Could not screen: {hits.error.message}</Alert> : null}
        {hits.data && items.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            Neither the name nor an identifier of this persona is on a current list.
          </p>
        ) : null}
        {items.map((hit) => (
          <article
            key={`${hit.listVersion.id}-${hit.entry.entNum}`}
            aria-label={`Sanctions hit: ${hit.entry.name}`}
            className={
              hit.status === "dismissed"
                ? "rounded-md border p-3 text-sm"
                : "rounded-md border border-destructive/50 bg-destructive/5 p-3 text-sm"
            }
          >
            <p className="font-semibold">
              {hit.entry.name}{" "}
              <span className="font-normal text-muted-foreground">
                ({hit.entry.type}, {hit.entry.program || "no program"}, entry {hit.entry.entNum})
              </span>
            </p>
            <p className="text-xs">
              {hit.status === "dismissed" ? "Dismissed. " : null}Score {hit.score}
              {hit.matched.every((m) => m.kind === "name")
                ? ": the name alone, in another spelling or order. Many people share a name: compare date of birth and nationality before acting."
                : ": an identifier of this persona is on the list."}
            </p>
            <ul className="mt-1">
              {hit.matched.map((m) => (
                <li key={`${m.kind}-${m.value}`}>
                  {matchLabels[m.kind] ?? m.kind}: <code className="break-all font-mono text-xs">{m.value}</code>
                </li>
              ))}
            </ul>
            {hit.entry.aliases.length > 0 ? (
              <p className="text-xs text-muted-foreground">Also listed as {hit.entry.aliases.join("; ")}</p>
            ) : null}
            <p className="mt-1 text-xs text-muted-foreground">
              {sanctionsSourceLabels[hit.listVersion.source]}, published <LocalDate iso={hit.listVersion.publishedAt} />
              , SHA-256 <span className="font-mono">{hit.listVersion.sha256.slice(0, 12)}…</span>
            </p>
            {hit.entry.remarksCut ? (
              <p className="text-xs text-muted-foreground">
                The list cut this entry&apos;s remarks at 1,000 characters: it may hold identifiers not shown here.
              </p>
            ) : null}
            {hits.data ? (
              <SanctionsHitJudgement personaId={personaId} hit={hit} permissions={hits.data.permissions} />
            ) : null}
          </article>
        ))}
      </CardContent>
    </Card>
  );
}
