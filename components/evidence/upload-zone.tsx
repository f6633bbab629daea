"use client";

import { Upload } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { type UploadMetadata, uploadEvidenceFile, useRefreshEvidenceList } from "@/lib/client/hooks/use-evidence";
import { cn } from "@/lib/utils";
import { formatBytes } from "@/lib/format";
import { guessKind } from "./labels";
import { type PendingUpload, UploadItem } from "./upload-item";

let counter = 0;

function pendingFrom(file: File, maxBytes: number): PendingUpload {
  counter += 1;
  const meta: UploadMetadata = {
    title: file.name.replace(/\.[^.]+$/, ""),
    kind: guessKind(file),
    collectedAt: "",
    collectedBy: "",
    source: "",
    description: "",
  };
  const tooBig = file.size > maxBytes;
  return {
    key: `f${counter}`,
    file,
    meta,
    status: tooBig ? "failed" : "ready",
    progress: 0,
    error: tooBig
      ? `Larger than the limit of ${formatBytes(maxBytes)}`
      : file.size === 0
        ? "This file is empty"
        : undefined,
  };
}

/** Drop several files (or choose them), describe each, then upload them one after another with a progress bar each. */
export function UploadZone({ caseId, maxBytes }: { caseId: string; maxBytes: number }) {
  const [items, setItems] = useState<PendingUpload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const refresh = useRefreshEvidenceList(caseId);

  const update = (key: string, change: Partial<PendingUpload>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));
  const add = (files: FileList | null) => {
    if (!files) return;
    // Copied now: the input is cleared right after, which empties this FileList before a deferred
    // state update would read it (files chosen while a render was pending were silently dropped).
    const chosen = Array.from(files, (f) => pendingFrom(f, maxBytes));
    setItems((all) => [...all, ...chosen]);
  };
  const waiting = items.filter(
    (i) => i.status === "ready" || (i.status === "failed" && i.file.size > 0 && i.file.size <= maxBytes),
  );

  async function uploadAll() {
    setBusy(true);
    // One at a time, in the order shown, so exhibit numbers follow the list.
    for (const item of waiting) {
      update(item.key, { status: "uploading", progress: 0, error: undefined });
      const meta = {
        ...item.meta,
        collectedAt: item.meta.collectedAt ? new Date(item.meta.collectedAt).toISOString() : "",
      };
      try {
        const result = await uploadEvidenceFile(caseId, item.file, meta, (progress) => update(item.key, { progress }))
          .done;
        update(item.key, { status: "done", progress: 1, result });
        void refresh();
      } catch (error) {
        update(item.key, { status: "failed", error: error instanceof Error ? error.message : "Upload failed" });
      }
    }
    setBusy(false);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Add evidence</CardTitle>
        <CardDescription>
          Each file is hashed with SHA-256 as it uploads and stored unchanged. Up to {formatBytes(maxBytes)} per file.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            add(e.dataTransfer.files);
          }}
          className={cn(
            "flex flex-col items-center gap-2 rounded-md border-2 border-dashed p-6 text-center text-sm",
            dragging && "border-primary bg-primary/5",
          )}
        >
          <Upload aria-hidden className="size-6 text-muted-foreground" />
          <p>Drop files here, or</p>
          <Button type="button" variant="outline" size="sm" onClick={() => input.current?.click()}>
            Choose files
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            className="sr-only"
            aria-label="Choose evidence files"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = "";
            }}
          />
        </div>
        {items.length > 0 ? (
          <>
            <ul className="flex flex-col gap-2" aria-label="Files to upload">
              {items.map((item) => (
                <UploadItem
                  key={item.key}
                  item={item}
                  onChange={(meta) => update(item.key, { meta: { ...item.meta, ...meta } })}
                  onRemove={() => setItems((all) => all.filter((i) => i.key !== item.key))}
                />
              ))}
            </ul>
            <div className="flex flex-wrap gap-2">
              {busy || waiting.length > 0 ? (
                <Button type="button" onClick={uploadAll} disabled={busy}>
                  {busy ? "Uploading…" : `Upload ${waiting.length} ${waiting.length === 1 ? "file" : "files"}`}
                </Button>
              ) : null}
              <Button
                type="button"
                variant="ghost"
                disabled={busy}
                onClick={() => setItems((all) => all.filter((i) => i.status !== "done"))}
              >
                Clear finished
              </Button>
            </div>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
