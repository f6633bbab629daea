"use client";

import { Field, invalidProps } from "@/components/cases/field";
import { formatDateTime } from "@/components/cases/labels";
import { Select } from "@/components/ui/select";
import { useExportList } from "@/lib/client/hooks/use-exports";
import { formatBytes } from "@/lib/format";

interface ExportPickerProps {
  id: string;
  name: string;
  caseId: string;
  error?: string;
}

/** The case's finished evidence packs, newest first, by when they were made and their file name. */
export function ExportPicker({ id, name, caseId, error }: ExportPickerProps) {
  const list = useExportList(new URLSearchParams({ caseId, pageSize: "100" }).toString());
  const done = (list.data?.items ?? []).filter((e) => e.status === "done" && e.sha256);
  const state = list.isPending
    ? "Loading export packs…"
    : list.error
      ? `Could not load the export packs: ${list.error.message}`
      : done.length === 0
        ? "No finished export packs for this case yet"
        : null;
  return (
    <Field
      id={id}
      label="Export pack (optional, fills the hash)"
      error={error}
      hint={done.length === 0 && !list.isPending ? "Make one on the case’s Exports tab." : undefined}
    >
      <Select id={id} name={name} defaultValue="" disabled={state !== null} {...invalidProps(id, error)}>
        <option value="">{state ?? "None"}</option>
        {done.map((e) => (
          <option key={e.id} value={e.id}>
            {`${formatDateTime(e.createdAt)} · ${e.fileName ?? "pack"}${e.size === null ? "" : ` · ${formatBytes(e.size)}`}`}
          </option>
        ))}
      </Select>
    </Field>
  );
}
