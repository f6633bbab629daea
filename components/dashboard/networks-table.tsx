import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ScrollTable, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { LocalDateTime } from "@/components/ui/local-time";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { identifierTypeLabel } from "./labels";

/** The largest networks of linked personas among the cases in view. */
export function NetworksTable({ summary }: { summary: DashboardSummary }) {
  const items = summary.networks.items;
  return (
    <Card aria-labelledby="networks-title">
      <CardHeader>
        <CardTitle id="networks-title">Largest persona networks</CardTitle>
        <CardDescription>
          Personas joined by shared identifiers or confirmed links, that reach these cases
          {summary.networks.asOf ? (
            <>
              ; worked out at <LocalDateTime iso={summary.networks.asOf} />
            </>
          ) : null}
          .
        </CardDescription>
      </CardHeader>
      <CardContent>
        {summary.networks.pending ? (
          <p className="py-4 text-sm text-muted-foreground">
            Working out the persona networks; they appear here in a few seconds.
          </p>
        ) : items.length === 0 ? (
          <p className="py-4 text-sm text-muted-foreground">
            No networks yet: personas that share an identifier or are linked form one.
          </p>
        ) : (
          <ScrollTable label="Largest persona networks, table" aria-labelledby="networks-title">
            <THead>
              <tr>
                <Th>Members</Th>
                <Th className="text-right">Personas</Th>
                <Th className="text-right">Cases</Th>
                <Th>Most shared identifiers</Th>
              </tr>
            </THead>
            <TBody>
              {items.map((n, i) => (
                <Tr key={n.samplePersonas[0]?.id ?? i}>
                  <Td>
                    {n.samplePersonas.map((p, j) => (
                      <span key={p.id}>
                        {j > 0 ? ", " : null}
                        <Link href={`/personas/${p.id}`} className="text-primary hover:underline">
                          {p.displayName}
                        </Link>
                      </span>
                    ))}
                    {n.personas > n.samplePersonas.length ? ` and ${n.personas - n.samplePersonas.length} more` : null}
                  </Td>
                  <Td className="text-right tabular-nums">{n.personas}</Td>
                  <Td className="text-right tabular-nums">{n.cases}</Td>
                  <Td>
                    {n.sharedIdentifierTypes.length
                      ? n.sharedIdentifierTypes.map((t) => `${identifierTypeLabel(t.type)} (${t.count})`).join(", ")
                      : "—"}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </ScrollTable>
        )}
      </CardContent>
    </Card>
  );
}
