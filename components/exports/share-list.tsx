"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalDateTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useRevokeShare, useShares } from "@/lib/client/hooks/use-shares";
import type { ShareView } from "@/lib/shares/views";

/** The pack's links: for whom, until when, downloads so far, and Revoke while they work. */
export function ShareList({ exportId, initial }: { exportId: string; initial: ShareView[] }) {
  const { data = [] } = useShares(exportId, initial);
  const revoke = useRevokeShare(exportId);
  if (data.length === 0) return <p className="text-sm text-muted-foreground">No links yet. Create one above.</p>;
  return (
    <Table aria-label="Share links">
      <THead>
        <Tr>
          <Th>Recipient</Th>
          <Th>Status</Th>
          <Th>Expires</Th>
          <Th>Downloads</Th>
          <Th>Made by</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {data.map((s) => (
          <Tr key={s.id} data-testid="share-row">
            <Td>
              {s.recipient}
              {s.email ? <span className="block text-xs text-muted-foreground">{s.email}</span> : null}
            </Td>
            <Td>
              <Badge variant={s.status === "active" ? "default" : "muted"}>{s.status}</Badge>
              {s.hasCode ? <span className="block text-xs text-muted-foreground">with code</span> : null}
            </Td>
            <Td className="whitespace-nowrap">
              <LocalDateTime iso={s.expiresAt} />
            </Td>
            <Td>
              {s.downloads}
              {s.maxDownloads === null ? "" : ` of ${s.maxDownloads}`}
              {s.lastDownloadAt ? (
                <span className="block text-xs text-muted-foreground">
                  last <LocalDateTime iso={s.lastDownloadAt} />
                </span>
              ) : null}
            </Td>
            <Td>{s.createdBy?.name ?? "Former user"}</Td>
            <Td>
              {s.status === "active" ? (
                <Button
                  variant="outline"
                  size="sm"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(s.id)}
                  aria-label={`Revoke the link for ${s.recipient}`}
                >
                  Revoke
                </Button>
              ) : null}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
