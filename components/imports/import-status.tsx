"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useImport } from "@/lib/client/hooks/use-imports";
import { toCsv } from "@/lib/csv";
import type { ImportView } from "@/lib/imports/views";

interface ImportStatusProps {
  initial: ImportView;
}

/** Rows listed on the page; the counts and the CSV download cover every kept row. */
const SHOWN = 200;

function downloadErrors(view: ImportView) {
  const csv = toCsv(
    ["row", "column", "message"],
    view.errors.map((e) => [e.row, e.column, e.message]),
  );
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${view.fileName.replace(/\.[^.]+$/, "")}-errors.csv`;
  a.click();
  URL.revokeObjectURL(url);
}

export function ImportStatus({ initial }: ImportStatusProps) {
  const { data } = useImport(initial.id, initial);
  const view = data ?? initial;
  const working = view.status === "queued" || view.status === "running";
  const percent = Math.round(view.progress / 10);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted-foreground">
        {view.dryRun ? "Dry run of " : "Import of "}
        <strong>{view.fileName}</strong> from {view.source}
        {view.evidence ? (
          <>
            , kept as{" "}
            <Link className="underline" href={`/evidence/${view.evidence.id}`}>
              {view.evidence.exhibitNo}
            </Link>
          </>
        ) : null}
        . SHA-256 <code className="break-all text-xs">{view.sha256}</code>
      </p>
      <div className="flex flex-col gap-1">
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-3 w-full overflow-hidden rounded bg-muted"
        >
          <div className="h-full bg-primary transition-all" style={{ width: `${percent}%` }} />
        </div>
        <p role="status" className="text-sm">
          {working
            ? `${view.status === "queued" ? "Waiting" : "Reading rows"}… ${percent}%`
            : view.status === "failed"
              ? "Failed"
              : view.dryRun
                ? `Dry run done: ${view.rows} rows, ${view.created} would be created, ${view.matched} matched, ${view.refused} refused. Nothing was written.`
                : `Done: ${view.rows} rows, ${view.created} created, ${view.matched} matched, ${view.refused} refused.`}
        </p>
      </div>
      {view.failure ? <Alert tone="error">{view.failure}</Alert> : null}
      {view.errors.length > 0 ? (
        <section aria-label="Row errors" className="flex flex-col gap-2">
          <div className="flex items-center justify-between">
            <h2 className="text-lg font-semibold">Errors</h2>
            <Button variant="outline" size="sm" onClick={() => downloadErrors(view)}>
              Download errors as CSV
            </Button>
          </div>
          <Table aria-label="Row errors">
            <THead>
              <tr>
                <Th>Row</Th>
                <Th>Column</Th>
                <Th>Problem</Th>
              </tr>
            </THead>
            <TBody>
              {view.errors.slice(0, SHOWN).map((e, i) => (
                <Tr key={i}>
                  <Td>{e.row}</Td>
                  <Td>{e.column ?? "—"}</Td>
                  <Td>{e.message}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </section>
      ) : null}
      {view.outcomes.length > 0 ? (
        <section aria-label="Rows" className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">Rows</h2>
          <Table aria-label="Rows">
            <THead>
              <tr>
                <Th>Row</Th>
                <Th>Id</Th>
                <Th>{view.dryRun ? "Would be" : "Result"}</Th>
                <Th>Known elsewhere</Th>
                <Th>Why</Th>
              </tr>
            </THead>
            <TBody>
              {view.outcomes.slice(0, SHOWN).map((o) => (
                <Tr key={o.row}>
                  <Td>{o.row}</Td>
                  <Td>
                    {o.personaId && !view.dryRun ? (
                      <Link className="underline" href={`/personas/${o.personaId}`}>
                        {o.key}
                      </Link>
                    ) : (
                      o.key
                    )}
                  </Td>
                  <Td>{o.outcome}</Td>
                  <Td>{o.hits ? `${o.hits} persona${o.hits === 1 ? "" : "s"}` : "—"}</Td>
                  <Td>{o.reason ?? ""}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {view.outcomes.length > SHOWN ? (
            <p className="text-sm text-muted-foreground">
              The first {SHOWN} of {view.rows} rows are listed.
            </p>
          ) : null}
        </section>
      ) : null}
      {!working ? (
        <p>
          <Link className="underline" href={view.caseId ? `/imports/new?caseId=${view.caseId}` : "/imports/new"}>
            {view.dryRun ? "Back to the import to run it" : "Import another file"}
          </Link>
          {view.caseId ? (
            <>
              {" · "}
              <Link className="underline" href={`/cases/${view.caseId}`}>
                Back to the case
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
