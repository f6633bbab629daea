"use client";

import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { useExportList } from "@/lib/client/hooks/use-exports";
import type { ExportList } from "@/lib/exports/views";
import { ExportRow } from "./export-row";

interface ExportsTableProps {
  search: string;
  initial?: ExportList;
  showCase?: boolean;
  empty: string;
  label: string;
  onPage?: (page: number) => void;
}

/** Past exports with who, when, status, size and the pack's SHA-256; refreshes itself while one is building. */
export function ExportsTable({ search, initial, showCase = true, empty, label, onPage }: ExportsTableProps) {
  const query = useExportList(search, initial);
  const data = query.data;
  if (query.error) return <Alert tone="error">{query.error.message}</Alert>;
  if (!data) return <p className="text-sm text-muted-foreground">Loading exports…</p>;
  if (data.items.length === 0)
    return <p className="rounded-md border border-dashed p-4 text-center text-sm text-muted-foreground">{empty}</p>;
  return (
    <div className="flex flex-col gap-2">
      <Table aria-label={label}>
        <THead>
          <tr>
            {showCase ? <Th>Case</Th> : null}
            <Th>Made</Th>
            <Th>By</Th>
            <Th>Status</Th>
            <Th>Size</Th>
            <Th>SHA-256 of the pack</Th>
            <Th>
              <span className="sr-only">Download</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {data.items.map((item) => (
            <ExportRow key={item.id} item={item} showCase={showCase} />
          ))}
        </TBody>
      </Table>
      {onPage ? <Pager data={data} hideSinglePage onPage={onPage} /> : null}
    </div>
  );
}
