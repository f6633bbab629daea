"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useEvidenceText } from "@/lib/client/hooks/use-evidence";
import type { EvidenceTextView } from "@/lib/intake/views";

const statusLabels: Record<EvidenceTextView["status"], string> = {
  pending: "Reading",
  done: "Read",
  partial: "Partly read",
  unsupported: "No text",
  failed: "Could not be read",
};

function Status({ text }: { text: EvidenceTextView }) {
  switch (text.status) {
    case "pending":
      return (
        <p role="status" className="text-sm text-muted-foreground">
          Reading the text in the background…
        </p>
      );
    case "unsupported":
      return <p className="text-sm text-muted-foreground">No text is read from this item: {text.reason}.</p>;
    case "failed":
      return <Alert tone="error">The text could not be read: {text.reason}</Alert>;
    case "partial":
      return <Alert>Only part of the text was read: {text.reason}.</Alert>;
    case "done":
      return text.pageCount === 0 ? <p className="text-sm text-muted-foreground">The item holds no text.</p> : null;
  }
}

/** The text read from an item, a page at a time: what mentions and search are found in. */
export function EvidenceText({ evidenceId }: { evidenceId: string }) {
  const [page, setPage] = useState(1);
  const { data, error } = useEvidenceText(evidenceId, page);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Text {data ? <Badge variant="outline">{statusLabels[data.status]}</Badge> : null}
        </CardTitle>
        <CardDescription>Read from the file on the server; scripts and macros are never run.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        {!data && !error ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
        {data ? <Status text={data} /> : null}
        {data?.pages?.[0] ? (
          <div className="flex flex-col gap-2" data-testid="evidence-text">
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="font-medium">{data.pages[0].label ?? `Page ${data.pages[0].page}`}</span>
              {data.pageCount > 1 ? (
                <nav aria-label="Pages of text" className="flex items-center gap-2">
                  <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    Previous
                  </Button>
                  <span>
                    Page {page} of {data.pageCount}
                  </span>
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={page >= data.pageCount}
                    onClick={() => setPage(page + 1)}
                  >
                    Next
                  </Button>
                </nav>
              ) : null}
            </div>
            <pre
              tabIndex={0}
              aria-label={`Text of ${data.pages[0].label ?? `page ${data.pages[0].page}`}`}
              className="max-h-[50vh] overflow-auto whitespace-pre-wrap break-words rounded-md border bg-muted/40 p-3 font-mono text-xs"
            >
              {data.pages[0].text || "(no text on this page)"}
            </pre>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
