"use client";

import Link from "next/link";
import { useState } from "react";
import { formatBytes } from "@/lib/format";
import { Td, Tr } from "@/components/ui/table";
import { isBuilding } from "@/lib/client/hooks/use-exports";
import type { ExportView } from "@/lib/exports/views";
import { ExportProgress, ExportStatusBadge } from "./export-status";
import { LocalDateTime } from "@/components/ui/local-time";

/** One export in a table: who and when, status (a live progress bar while building), size, SHA-256, download. */
export function ExportRow({ item, showCase }: { item: ExportView; showCase: boolean }) {
  // A row that was building keeps its poller until it sees the end, so the refresh after the build runs once.
  const [tracked] = useState(isBuilding(item));
  return (
    <Tr data-testid="export-row">
      {showCase ? (
        <Td>
          <Link className="font-mono text-xs text-primary hover:underline" href={`/cases/${item.caseId}`}>
            {item.caseRef}
          </Link>
          <span className="block text-xs text-muted-foreground">{item.caseTitle}</span>
        </Td>
      ) : null}
      <Td className="whitespace-nowrap">
        <LocalDateTime iso={item.createdAt} />
        {/* The id is what a referral's disclosure log asks for to record the pack's hash. */}
        <span
          className="block font-mono text-[10px] text-muted-foreground"
          title="Export ID, for a referral's disclosure log"
        >
          ID {item.id}
        </span>
      </Td>
      <Td>{item.createdBy?.name ?? "Former user"}</Td>
      <Td>
        {tracked || isBuilding(item) ? (
          <ExportProgress initial={item} caseId={item.caseId} />
        ) : (
          <ExportStatusBadge status={item.status} />
        )}
        {item.status === "failed" && item.error ? (
          <span className="mt-1 block max-w-xs text-xs text-destructive">{item.error}</span>
        ) : null}
      </Td>
      <Td className="whitespace-nowrap">{item.size === null ? "—" : formatBytes(item.size)}</Td>
      <Td className="font-mono text-xs" title={item.sha256 ?? undefined}>
        {item.sha256 ? <span data-testid="export-sha256">{item.sha256}</span> : "—"}
      </Td>
      <Td>
        {item.downloadUrl && item.fileName ? (
          <a className="text-sm text-primary hover:underline" href={item.downloadUrl} download={item.fileName}>
            Download<span className="sr-only"> {item.fileName}</span>
          </a>
        ) : null}
        {/* The pack's page: its facts and, for legal and admins, links for recipients outside. */}
        <Link className="block text-sm text-primary hover:underline" href={`/exports/${item.id}`}>
          Details<span className="sr-only"> of the pack made {item.createdAt}</span>
        </Link>
      </Td>
    </Tr>
  );
}
