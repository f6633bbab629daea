"use client";

import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useEvidenceList } from "@/lib/client/hooks/use-evidence";
import { EvidenceTable } from "./evidence-table";
import { UploadZone } from "./upload-zone";

/** The Evidence tab of a case: upload (for those who may) and the exhibit list. */
export function EvidencePanel({ caseId }: { caseId: string }) {
  const list = useEvidenceList(caseId);
  if (list.error) return <Alert tone="error">{list.error.message}</Alert>;
  if (!list.data) {
    return (
      <div role="status" aria-label="Loading evidence" className="flex flex-col gap-2">
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  const { items, removed, permissions, maxUploadBytes } = list.data;
  const mismatches = items.filter((i) => i.mimeMismatch).length;
  return (
    <div className="flex flex-col gap-4">
      {permissions.upload ? <UploadZone caseId={caseId} maxBytes={maxUploadBytes} /> : null}
      <Card>
        <CardHeader>
          <CardTitle>Exhibits</CardTitle>
          <CardDescription>
            {items.length === 0
              ? permissions.upload
                ? "No evidence yet. Drop screenshots, chat logs, HR records or network logs above to start the chain of custody."
                : "No evidence has been attached to this case yet."
              : `${items.length} ${items.length === 1 ? "item" : "items"}, each stored under its SHA-256.`}
            {removed.length > 0 ? ` ${removed.length} deleted, shown greyed in their place.` : ""}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-2">
          {mismatches > 0 ? (
            <Alert tone="info" className="border-warning/60 bg-warning/10">
              {mismatches === 1 ? "One item's" : `${mismatches} items'`} content does not match the type it was uploaded
              as. Check them before relying on them.
            </Alert>
          ) : null}
          {items.length > 0 || removed.length > 0 ? <EvidenceTable items={items} removed={removed} /> : null}
        </CardContent>
      </Card>
    </div>
  );
}
