"use client";

import Link from "next/link";
import { formatDateTime } from "@/components/cases/labels";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useNetworks } from "@/lib/client/hooks/use-graph";
import { useUrlState } from "@/lib/client/use-url-state";
import { RiskBadge } from "./persona-badges";
import { formatCount } from "@/lib/format";

/** Networks of personas joined by shared identifiers or confirmed links, largest first. */
export function NetworksList() {
  const { searchParams, set } = useUrlState();
  const page = Number(searchParams.get("page") ?? "1") || 1;
  const query = useNetworks(`page=${page}&pageSize=20`);
  const data = query.data;
  if (query.error) return <Alert tone="error">{query.error.message}</Alert>;
  return (
    <div className="flex flex-col gap-2" aria-busy={query.isFetching}>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {data
          ? `${formatCount(data.total, "network")} holding ${formatCount(data.personasInNetworks, "persona")}, among the personas you may see (computed ${formatDateTime(data.computedAt)})`
          : "Computing networks…"}
      </p>
      <Table aria-label="Networks">
        <THead>
          <tr>
            <Th>#</Th>
            <Th>Personas</Th>
            <Th>Highest risk</Th>
            <Th>Members (highest risk first)</Th>
          </tr>
        </THead>
        <TBody>
          {data?.items.map((n, i) => (
            <Tr key={n.id}>
              <Td className="tabular-nums">{(data.page - 1) * data.pageSize + i + 1}</Td>
              <Td className="font-medium tabular-nums">{n.size}</Td>
              <Td>
                <RiskBadge score={n.maxRisk} />
              </Td>
              <Td>
                <ul className="flex flex-wrap gap-x-3 gap-y-1">
                  {n.members.map((m) => (
                    <li key={m.id}>
                      <Link className="hover:underline" href={`/personas/${m.id}#graph`}>
                        {m.displayName}
                      </Link>
                    </li>
                  ))}
                  {n.size > n.members.length ? (
                    <li className="text-muted-foreground">and {n.size - n.members.length} more</li>
                  ) : null}
                </ul>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {data && data.items.length === 0 ? (
        <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
          No networks yet: a network forms when two personas share an identifier or are linked. Add identifiers on a
          persona&apos;s page.
        </p>
      ) : null}
      <Pager data={data} label="Network pages" onPage={(next) => set({ page: String(next) }, { resetPage: false })} />
    </div>
  );
}
