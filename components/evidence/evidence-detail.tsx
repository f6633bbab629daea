"use client";

import { LocalDateTime } from "@/components/ui/local-time";
import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { formatDateTime } from "@/components/cases/labels";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { contentUrl, useEvidence, useRefreshCustody } from "@/lib/client/hooks/use-evidence";
import type { EvidenceView } from "@/lib/evidence/views";
import { CustodyLog } from "./custody-log";
import { DeleteControl } from "./delete-control";
import { EvidencePreview } from "./evidence-preview";
import { EvidenceText } from "./evidence-text";
import { MentionsPanel } from "./mentions-panel";
import { HoldControls } from "./hold-controls";
import { formatBytes } from "@/lib/format";
import { kindLabels } from "./labels";
import { MimeBadge } from "./mime-badge";
import { VerifyButton } from "./verify-button";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-1.5 sm:grid-cols-[10rem_1fr]">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** An exhibit: what it is, proof it is unchanged, who may hold or delete it, a safe preview and its custody. */
export function EvidenceDetail({ initial }: { initial: EvidenceView }) {
  const { data } = useEvidence(initial.id, initial);
  const item = data ?? initial;
  const refreshCustody = useRefreshCustody(item.id);
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
      <div className="flex min-w-0 flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="divide-y">
              <Row label="Exhibit">{item.exhibitNo}</Row>
              <Row label="Kind">{kindLabels[item.kind]}</Row>
              <Row label="Original file name">
                <span className="break-all">{item.originalName}</span>
              </Row>
              <Row label="Size">
                {formatBytes(item.size)} ({item.size.toLocaleString()} bytes)
              </Row>
              <Row label="SHA-256">
                <code className="break-all font-mono text-xs" data-testid="sha256">
                  {item.sha256}
                </code>
              </Row>
              <Row label="Detected type">
                <MimeBadge item={item} />
              </Row>
              <Row label="Claimed type">{item.claimedMimeType ?? "—"}</Row>
              <Row label="Collected">
                {[
                  item.collectedAt ? formatDateTime(item.collectedAt) : null,
                  item.collectedBy ? `by ${item.collectedBy}` : null,
                ]
                  .filter(Boolean)
                  .join(" ") || "—"}
              </Row>
              <Row label="Source">{item.source ?? "—"}</Row>
              <Row label="Uploaded">
                <LocalDateTime iso={item.createdAt} />
                {item.uploadedBy ? ` by ${item.uploadedBy}` : ""}
              </Row>
              <Row label="Legal hold">
                {item.legalHold ? (
                  <span>
                    <Badge>On hold</Badge> {item.holdReason}
                  </span>
                ) : (
                  "No"
                )}
              </Row>
              {item.description ? (
                <Row label="Description">
                  <p className="whitespace-pre-wrap">{item.description}</p>
                </Row>
              ) : null}
            </dl>
          </CardContent>
        </Card>
        <EvidencePreview item={item} />
        {item.permissions.readContent ? (
          <>
            <EvidenceText evidenceId={item.id} />
            <MentionsPanel evidenceId={item.id} caseId={item.caseId} />
          </>
        ) : null}
        <CustodyLog evidenceId={item.id} />
      </div>
      <aside className="flex flex-col gap-4" aria-label="Evidence actions">
        <Card>
          <CardHeader>
            <CardTitle>Integrity</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            {item.permissions.readContent ? (
              <div>
                <Button asChild variant="outline">
                  {/* A plain link: the browser streams the download to disk, whatever its size. */}
                  <a href={contentUrl(item.id)} download onClick={() => setTimeout(() => void refreshCustody(), 1500)}>
                    <Download aria-hidden className="size-4" />
                    Download original
                  </a>
                </Button>
              </div>
            ) : null}
            {item.permissions.verify ? <VerifyButton evidenceId={item.id} caseId={item.caseId} /> : null}
          </CardContent>
        </Card>
        {item.permissions.hold || item.legalHold || item.permissions.delete ? (
          <Card>
            <CardHeader>
              <CardTitle>Hold and deletion</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-3">
              {item.permissions.hold ? <HoldControls key={String(item.legalHold)} item={item} /> : null}
              {item.legalHold ? (
                <p className="text-sm text-muted-foreground">
                  On legal hold: it cannot be deleted until legal releases the hold.
                </p>
              ) : null}
              {item.permissions.delete ? <DeleteControl item={item} /> : null}
            </CardContent>
          </Card>
        ) : null}
      </aside>
    </div>
  );
}
