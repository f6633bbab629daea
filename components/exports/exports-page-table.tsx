"use client";

import { useUrlState } from "@/lib/client/use-url-state";
import type { ExportList } from "@/lib/exports/views";
import { ExportsTable } from "./exports-table";

/** The /exports list, its page kept in the address. */
export function ExportsPageTable({ initial }: { initial: { search: string; data: ExportList } }) {
  const { search, set } = useUrlState();
  return (
    <ExportsTable
      search={search}
      initial={search === initial.search ? initial.data : undefined}
      label="Evidence packs"
      empty="No evidence packs yet. Open a case and use “Export evidence pack” to make one."
      onPage={(page) => set({ page: String(page) }, { resetPage: false })}
    />
  );
}
