"use client";

import { Download } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { custodyCsvUrl, useCustody } from "@/lib/client/hooks/use-evidence";
import { cn } from "@/lib/utils";
import { custodyLabels, describeCustody } from "./labels";
import { LocalDateTime } from "@/components/ui/local-time";

/** Every hand-off of the item, oldest first, as the log records it (append-only on the server). */
export function CustodyLog({ evidenceId }: { evidenceId: string }) {
  const custody = useCustody(evidenceId);
  const items = custody.data?.items ?? [];
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div>
          <CardTitle>Chain of custody</CardTitle>
          <CardDescription>
            Every upload, view, download, check and hold, with who, when and from where.
          </CardDescription>
        </div>
        <Button asChild size="sm" variant="outline">
          <a href={custodyCsvUrl(evidenceId)} download>
            <Download aria-hidden className="size-4" />
            Download CSV
          </a>
        </Button>
      </CardHeader>
      <CardContent>
        {custody.error ? <Alert tone="error">{custody.error.message}</Alert> : null}
        {custody.isPending ? <p className="text-sm text-muted-foreground">Loading the custody log…</p> : null}
        {custody.data ? (
          <Table aria-label="Custody log">
            <THead>
              <Tr>
                <Th>Time</Th>
                <Th>Event</Th>
                <Th>By</Th>
                <Th>IP</Th>
                <Th>Detail</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((e) => (
                <Tr
                  key={e.id}
                  data-testid="custody-row"
                  className={cn(e.action === "verification_failed" && "bg-destructive/10")}
                >
                  <Td className="whitespace-nowrap text-xs">
                    <LocalDateTime iso={e.at} />
                  </Td>
                  <Td
                    className={cn(
                      "whitespace-nowrap font-medium",
                      e.action === "verification_failed" && "text-destructive",
                    )}
                  >
                    {custodyLabels[e.action]}
                  </Td>
                  <Td className="text-xs">{e.actor}</Td>
                  <Td className="font-mono text-xs">{e.ip ?? "—"}</Td>
                  <Td className="max-w-md break-all text-xs text-muted-foreground">{describeCustody(e.detail)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
}
