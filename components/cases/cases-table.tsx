"use client";

import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { CaseList, CaseSummary } from "@/lib/cases/views";
import { useCaseList } from "@/lib/client/hooks/use-cases";
import { useUrlState } from "@/lib/client/use-url-state";
import { CaseStatusBadge, SeverityBadge } from "./case-badges";
import { formatCount } from "@/lib/format";
import { LocalDate } from "@/components/ui/local-time";

interface CasesTableProps {
  initial: { search: string; data: CaseList };
}

const columns: ColumnDef<CaseSummary>[] = [
  {
    id: "ref",
    header: "Reference",
    cell: ({ row }) => (
      <Link
        className="whitespace-nowrap font-mono text-xs text-primary hover:underline"
        href={`/cases/${row.original.id}`}
      >
        {row.original.ref}
      </Link>
    ),
  },
  {
    id: "title",
    header: "Title",
    cell: ({ row }) => (
      <Link className="font-medium hover:underline" href={`/cases/${row.original.id}`}>
        {row.original.title}
      </Link>
    ),
  },
  { id: "status", header: "Status", cell: ({ row }) => <CaseStatusBadge status={row.original.status} /> },
  {
    id: "severity",
    header: "Severity",
    // The first click shows the most severe first: that is what anyone sorting by severity looks for.
    sortDescFirst: true,
    cell: ({ row }) => <SeverityBadge severity={row.original.severity} />,
  },
  { id: "subject", header: "Subject", enableSorting: false, cell: ({ row }) => row.original.subjectName ?? "—" },
  { id: "lead", header: "Lead", cell: ({ row }) => row.original.lead?.name ?? "—" },
  {
    id: "openedAt",
    header: "Opened",
    sortDescFirst: true,
    cell: ({ row }) => <LocalDate iso={row.original.openedAt} />,
  },
  {
    id: "dueDate",
    header: "Due",
    cell: ({ row }) => (
      <span className={row.original.overdue ? "font-medium text-destructive" : undefined}>
        <LocalDate iso={row.original.dueDate} />
        {row.original.overdue ? " (overdue)" : ""}
      </span>
    ),
  },
];

export function CasesTable({ initial }: CasesTableProps) {
  const { search, searchParams, set } = useUrlState();
  const query = useCaseList(search, search === initial.search ? initial.data : undefined);
  const data = query.data;
  const sort = searchParams.get("sort") ?? "-openedAt";
  // TanStack Table returns fresh functions each render; the React Compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: data?.items ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
  });
  const sortState = useMemo(() => ({ field: sort.replace(/^-/, ""), desc: sort.startsWith("-") }), [sort]);

  if (query.error) return <Alert tone="error">{query.error.message}</Alert>;
  return (
    <div className="flex flex-col gap-2" aria-busy={query.isFetching}>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {data
          ? data.totalCapped
            ? `More than ${formatCount(data.total, "case")}: narrow the search or filters to count them`
            : formatCount(data.total, "case")
          : "Loading…"}
      </p>
      <Table aria-label="Cases" className={query.isPlaceholderData ? "opacity-60" : undefined}>
        <THead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortable = header.column.columnDef.enableSorting !== false;
                const active = sortState.field === header.id;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <Th key={header.id} aria-sort={active ? (sortState.desc ? "descending" : "ascending") : undefined}>
                    {sortable ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 uppercase hover:text-foreground"
                        onClick={() => {
                          const desc = active ? !sortState.desc : Boolean(header.column.columnDef.sortDescFirst);
                          set({ sort: desc ? `-${header.id}` : header.id });
                        }}
                      >
                        {label}
                        <span aria-hidden>{active ? (sortState.desc ? "▼" : "▲") : ""}</span>
                      </button>
                    ) : (
                      label
                    )}
                  </Th>
                );
              })}
            </tr>
          ))}
        </THead>
        <TBody>
          {table.getRowModel().rows.map((row) => (
            <Tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Td>
              ))}
            </Tr>
          ))}
        </TBody>
      </Table>
      {data && data.items.length === 0 ? (
        <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
          {search
            ? "No case matches these filters. Clear a filter or search for other words."
            : "No cases yet. Open one when a hire or applicant looks like a fake persona."}
        </p>
      ) : null}
      <Pager data={data} onPage={(page) => set({ page: String(page) }, { resetPage: false })} />
    </div>
  );
}
