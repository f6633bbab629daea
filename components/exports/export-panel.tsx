"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ExportOptionsForm } from "./export-options-form";
import { ExportsTable } from "./exports-table";

interface ExportPanelProps {
  caseId: string;
  privilegedIds: string[];
}

/**
 * The case page's export control: a button that opens the options, and this case's recent
 * packs with a live progress bar while one builds and a download link once it is ready.
 */
export function ExportPanel({ caseId, privilegedIds }: ExportPanelProps) {
  const [open, setOpen] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const regionId = useId();
  return (
    <section aria-label="Evidence packs" className="mb-4 flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="outline"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => {
            // Closes when the options are showing; otherwise opens them (again, after a start).
            if (open && choosing) return setOpen(false);
            setOpen(true);
            setChoosing(true);
          }}
        >
          Export evidence pack
        </Button>
        <Link href="/exports" className="text-sm text-primary hover:underline">
          All exports
        </Link>
      </div>
      {open ? (
        <div
          id={regionId}
          role="region"
          aria-label="Export evidence pack"
          className="flex flex-col gap-4 rounded-lg border p-4"
        >
          {choosing ? (
            <>
              <p className="text-sm text-muted-foreground">
                One ZIP with the evidence files, a signed manifest, SHA256SUMS, a PDF report, the custody and audit logs
                and a STIX bundle. It is built in the background; you can leave this page.
              </p>
              <ExportOptionsForm
                caseId={caseId}
                privilegedIds={privilegedIds}
                onStarted={() => setChoosing(false)}
                onCancel={() => setOpen(false)}
              />
            </>
          ) : null}
          <div className="flex flex-col gap-2">
            <h2 className="text-sm font-semibold">Packs of this case</h2>
            <ExportsTable
              search={`caseId=${caseId}&pageSize=5`}
              showCase={false}
              label="Evidence packs of this case"
              empty="No packs made yet. Choose the options above and start an export."
            />
          </div>
        </div>
      ) : null}
    </section>
  );
}
