"use client";

import { Eye } from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { contentUrl, evidenceKeys, useRefreshCustody } from "@/lib/client/hooks/use-evidence";
import type { EvidenceView } from "@/lib/evidence/views";
import { formatBytes } from "@/lib/format";

// A text preview asks for the start of the file only, so a huge log never loads whole.
const TEXT_PREVIEW_BYTES = 256 * 1024;

function TextPreview({ item, onRead }: { item: EvidenceView; onRead: () => void }) {
  // A query (not an effect) so the read happens once per opening, even when React renders twice.
  const preview = useQuery({
    queryKey: evidenceKeys.textPreview(item.id),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    queryFn: async () => {
      const response = await fetch(contentUrl(item.id, true), {
        headers: { range: `bytes=0-${TEXT_PREVIEW_BYTES - 1}` },
      });
      onRead();
      if (!response.ok) throw new Error(`The preview could not be loaded (${response.status})`);
      return response.text();
    },
  });
  const state = { text: preview.data, error: preview.error?.message };
  if (state.error) return <Alert tone="error">{state.error}</Alert>;
  if (state.text === undefined) return <p className="text-sm text-muted-foreground">Loading…</p>;
  return (
    <>
      {item.preview === "text" && item.mimeType !== "text/plain" ? (
        <p className="text-xs text-muted-foreground">Shown as plain text ({item.mimeType} is never rendered).</p>
      ) : null}
      <pre
        data-testid="text-preview"
        className="max-h-[60vh] overflow-auto whitespace-pre-wrap break-words rounded-md border bg-muted/40 p-3 font-mono text-xs"
      >
        {state.text}
      </pre>
      {item.size > TEXT_PREVIEW_BYTES ? (
        <p className="text-xs text-muted-foreground">
          Showing the first {formatBytes(TEXT_PREVIEW_BYTES)} of {formatBytes(item.size)}.
        </p>
      ) : null}
    </>
  );
}

function Preview({ item, onRead }: { item: EvidenceView; onRead: () => void }) {
  const src = contentUrl(item.id, true);
  switch (item.preview) {
    case "image":
      return (
        // eslint-disable-next-line @next/next/no-img-element -- the bytes come from our own content route, never an optimiser
        <img
          src={src}
          alt={`Preview of ${item.title}`}
          onLoad={onRead}
          onError={onRead}
          className="max-h-[70vh] max-w-full rounded-md border object-contain"
        />
      );
    case "pdf":
      // A frame, not <object>: the pages' CSP allows no plugins (object-src 'none'). The response
      // carries a sandboxing CSP, and a browser that will not show a PDF under it leaves the link.
      return (
        <>
          <iframe
            src={src}
            title={`Preview of ${item.title}`}
            onLoad={onRead}
            className="h-[70vh] w-full rounded-md border"
          />
          <p className="text-xs text-muted-foreground">
            Nothing above? This browser does not show PDFs here:{" "}
            <a href={contentUrl(item.id)} className="text-primary underline">
              download it
            </a>{" "}
            instead.
          </p>
        </>
      );
    case "text":
      return <TextPreview item={item} onRead={onRead} />;
    default:
      return (
        <p className="text-sm text-muted-foreground">
          There is no safe preview for {item.mimeType}. Download the file to open it.
        </p>
      );
  }
}

/** Opening the preview is a read of the evidence, so it only loads when asked for (and is logged). */
export function EvidencePreview({ item }: { item: EvidenceView }) {
  const [open, setOpen] = useState(false);
  const refresh = useRefreshCustody(item.id);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Preview</CardTitle>
        <CardDescription>Opening the preview is recorded in the chain of custody.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        {!item.permissions.readContent ? (
          <p className="text-sm text-muted-foreground">Your role sees the details of evidence, not its content.</p>
        ) : open ? (
          <Preview item={item} onRead={() => void refresh()} />
        ) : (
          <div>
            <Button type="button" variant="outline" onClick={() => setOpen(true)}>
              <Eye aria-hidden className="size-4" />
              Open preview
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
