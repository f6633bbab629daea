"use client";

import { Field } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { evidenceKinds } from "@/lib/evidence/constants";
import type { UploadMetadata } from "@/lib/client/hooks/use-evidence";
import type { UploadedEvidenceView } from "@/lib/evidence/views";
import { formatBytes } from "@/lib/format";
import { DuplicateNotice } from "./duplicate-notice";
import { kindLabels, shortHash } from "./labels";

export interface PendingUpload {
  key: string;
  file: File;
  meta: UploadMetadata;
  status: "ready" | "uploading" | "done" | "failed";
  progress: number;
  error?: string;
  result?: UploadedEvidenceView;
}

interface UploadItemProps {
  item: PendingUpload;
  onChange: (meta: Partial<UploadMetadata>) => void;
  onRemove: () => void;
}

const textareaClass =
  "w-full rounded-md border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** One file waiting to go up: its details, then its progress, then its exhibit number and hash. */
export function UploadItem({ item, onChange, onRemove }: UploadItemProps) {
  const id = (field: string) => `upload-${item.key}-${field}`;
  const locked = item.status === "uploading" || item.status === "done";
  const percent = Math.round(item.progress * 100);
  return (
    <li className="rounded-md border p-3" data-testid="upload-item" aria-label={`Upload of ${item.file.name}`}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 truncate text-sm font-medium" title={item.file.name}>
          {item.file.name} <span className="font-normal text-muted-foreground">· {formatBytes(item.file.size)}</span>
        </p>
        {!locked ? (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={onRemove}
            aria-label={`Remove ${item.file.name} from the upload`}
          >
            Remove
          </Button>
        ) : null}
      </div>
      {item.status !== "done" ? (
        <fieldset disabled={locked} className="grid gap-2 sm:grid-cols-2">
          <legend className="sr-only">Details of {item.file.name}</legend>
          <Field id={id("title")} label="Title">
            <Input
              id={id("title")}
              value={item.meta.title}
              maxLength={300}
              onChange={(e) => onChange({ title: e.target.value })}
            />
          </Field>
          <Field id={id("kind")} label="Kind">
            <Select id={id("kind")} value={item.meta.kind} onChange={(e) => onChange({ kind: e.target.value })}>
              {evidenceKinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabels[k]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={id("collectedAt")} label="Collected at">
            <Input
              id={id("collectedAt")}
              type="datetime-local"
              value={item.meta.collectedAt}
              onChange={(e) => onChange({ collectedAt: e.target.value })}
            />
          </Field>
          <Field id={id("collectedBy")} label="Collected by">
            <Input
              id={id("collectedBy")}
              value={item.meta.collectedBy}
              maxLength={200}
              onChange={(e) => onChange({ collectedBy: e.target.value })}
            />
          </Field>
          <Field
            id={id("source")}
            label="Source"
            className="flex flex-col gap-1.5 sm:col-span-2"
            hint="Where it came from: a mailbox, a laptop image, an HR system…"
          >
            <Input
              id={id("source")}
              value={item.meta.source}
              maxLength={500}
              onChange={(e) => onChange({ source: e.target.value })}
            />
          </Field>
          <Field id={id("description")} label="Description" className="flex flex-col gap-1.5 sm:col-span-2">
            <textarea
              id={id("description")}
              rows={2}
              className={textareaClass}
              value={item.meta.description}
              onChange={(e) => onChange({ description: e.target.value })}
            />
          </Field>
        </fieldset>
      ) : null}
      {item.status === "uploading" || item.status === "done" ? (
        <div className="mt-2 flex items-center gap-2">
          <div
            role="progressbar"
            aria-label={`Progress of ${item.file.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 flex-1 overflow-hidden rounded-full bg-muted"
          >
            <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <span className="w-12 text-right text-xs tabular-nums text-muted-foreground">{percent}%</span>
        </div>
      ) : null}
      {item.result ? (
        <p className="mt-2 text-sm" role="status">
          Stored as <span className="font-semibold">{item.result.exhibitNo}</span> · SHA-256{" "}
          <code className="font-mono text-xs" title={item.result.sha256}>
            {shortHash(item.result.sha256)}
          </code>
        </p>
      ) : null}
      {item.result?.duplicateOf ? <DuplicateNotice item={item.result} duplicateOf={item.result.duplicateOf} /> : null}
      {item.error ? (
        <Alert tone="error" className="mt-2">
          {item.error}
        </Alert>
      ) : null}
    </li>
  );
}
