"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { usePersonaList } from "@/lib/client/hooks/use-personas";
import { useUrlState } from "@/lib/client/use-url-state";
import type { PersonaList } from "@/lib/personas/views";
import { PersonaStatusBadge, RiskBadge } from "./persona-badges";
import { formatCount } from "@/lib/format";
import { LocalDate } from "@/components/ui/local-time";

interface PersonasTableProps {
  initial: { search: string; data: PersonaList };
}

const sortable = [
  { id: "displayName", label: "Name" },
  { id: "status", label: "Status" },
  { id: "riskScore", label: "Risk" },
] as const;

export function PersonasTable({ initial }: PersonasTableProps) {
  const { search, searchParams, set } = useUrlState();
  const router = useRouter();
  // The view switch is not a filter the API knows about.
  const params = new URLSearchParams(search);
  params.delete("view");
  const apiSearch = params.toString();
  const query = usePersonaList(apiSearch, apiSearch === initial.search ? initial.data : undefined);
  const data = query.data;
  const sort = searchParams.get("sort") ?? "-updatedAt";

  if (query.error) return <Alert tone="error">{query.error.message}</Alert>;
  return (
    <div className="flex flex-col gap-2" aria-busy={query.isFetching}>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {data ? formatCount(data.total, "persona") : "Loading…"}
      </p>
      <Table aria-label="Personas" className={query.isPlaceholderData ? "opacity-60" : undefined}>
        <THead>
          <tr>
            {sortable.map((col) => {
              const active = sort.replace(/^-/, "") === col.id;
              const desc = sort.startsWith("-");
              return (
                <Th key={col.id} aria-sort={active ? (desc ? "descending" : "ascending") : undefined}>
                  <button
                    type="button"
                    className="inline-flex items-center gap-1 uppercase hover:text-foreground"
                    onClick={() => set({ sort: active && !desc ? `-${col.id}` : col.id })}
                  >
                    {col.label}
                    <span aria-hidden>{active ? (desc ? "▼" : "▲") : ""}</span>
                  </button>
                </Th>
              );
            })}
            <Th>Aliases</Th>
            <Th>Claimed location</Th>
            <Th>Cases</Th>
            <Th>Identifiers</Th>
            <Th>Updated</Th>
          </tr>
        </THead>
        <TBody>
          {data?.items.map((p) => (
            <Tr
              key={p.id}
              data-testid="persona-row"
              className="cursor-pointer"
              // The whole row opens the persona for a mouse; the name stays the link for keyboards and readers.
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest("a, button")) router.push(`/personas/${p.id}`);
              }}
            >
              <Td>
                <Link
                  className="font-medium text-primary underline-offset-2 hover:underline"
                  href={`/personas/${p.id}`}
                >
                  {p.displayName}
                </Link>
              </Td>
              <Td>
                <PersonaStatusBadge status={p.status} />
              </Td>
              <Td>
                <RiskBadge score={p.riskScore} />
              </Td>
              <Td className="max-w-48 truncate text-muted-foreground">{p.aliases.join(", ") || "—"}</Td>
              <Td>{p.claimedLocation ?? "—"}</Td>
              <Td className="tabular-nums">{p.caseCount}</Td>
              <Td className="tabular-nums">{p.identifierCount}</Td>
              <Td>
                <LocalDate iso={p.updatedAt} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {data && data.items.length === 0 ? (
        <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
          {apiSearch
            ? "No persona matches. Clear the filters or search for another name or alias."
            : "No personas yet. Record one here or from a case's Personas & graph tab."}
        </p>
      ) : null}
      <Pager data={data} onPage={(page) => set({ page: String(page) }, { resetPage: false })} />
    </div>
  );
}
