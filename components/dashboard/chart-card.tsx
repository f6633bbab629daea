"use client";

import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toCsv } from "@/lib/csv";
import { DataTable, type DataCell } from "./data-table";

interface ChartCardProps {
  id: string;
  title: string;
  description: ReactNode;
  /** One sentence a screen reader announces in place of the picture. */
  gist: string;
  columns: string[];
  rows: DataCell[][];
  /** File name of the CSV download, without extension. */
  csvName: string;
  empty?: ReactNode;
  children: ReactNode;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${name}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * A chart with its alternatives: the gist for screen readers, the numbers as a table behind a
 * disclosure, and the same numbers as CSV. The picture itself is hidden from assistive
 * technology, since the table says everything it shows and carries the same links.
 */
export function ChartCard({ id, title, description, gist, columns, rows, csvName, empty, children }: ChartCardProps) {
  const titleId = `${id}-title`;
  return (
    <Card aria-labelledby={titleId} data-testid={id}>
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div className="flex flex-col gap-1">
          <CardTitle id={titleId}>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        <Button
          variant="outline"
          size="sm"
          className="print:hidden"
          onClick={() =>
            download(
              csvName,
              toCsv(
                columns,
                rows.map((r) => r.map((c) => c.value)),
              ),
            )
          }
          aria-label={`Download CSV: ${title}`}
        >
          <Download aria-hidden className="size-3.5" />
          CSV
        </Button>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        <p className="sr-only">{gist}</p>
        {rows.length === 0 && empty ? (
          <p className="py-8 text-center text-sm text-muted-foreground">{empty}</p>
        ) : (
          <div aria-hidden="true">{children}</div>
        )}
        <details className="text-sm">
          <summary className="cursor-pointer text-muted-foreground hover:text-foreground">Show the numbers</summary>
          <DataTable caption={title} columns={columns} rows={rows} />
        </details>
      </CardContent>
    </Card>
  );
}
