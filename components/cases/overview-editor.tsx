"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { severities, type Severity } from "@/lib/cases/constants";
import type { CaseUpdate } from "@/lib/cases/schema";
import type { CaseDetail } from "@/lib/cases/views";
import { ApiError } from "@/lib/client/api";
import { useUpdateCase } from "@/lib/client/hooks/use-cases";
import { ConflictNotice } from "./conflict-notice";
import { Field, invalidProps } from "./field";
import { severityLabels } from "./labels";
import { readSubjectFields, SubjectFields } from "./subject-fields";

const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim();

function readForm(form: HTMLFormElement): Omit<CaseUpdate, "version"> {
  const data = new FormData(form);
  return {
    title: text(data, "title"),
    summary: text(data, "summary"),
    severity: text(data, "severity") as Severity,
    dueDate: text(data, "dueDate") || null,
    tags: text(data, "tags")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    subject: readSubjectFields(data),
  };
}

interface OverviewEditorProps {
  base: CaseDetail;
  onDone: () => void;
}

/** Edits against the version the user opened; a concurrent save is shown, never overwritten silently. */
export function OverviewEditor({ base: initialBase, onDone }: OverviewEditorProps) {
  const update = useUpdateCase(initialBase.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [base, setBase] = useState(initialBase);
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<CaseDetail | null>(null);

  async function save(version: number) {
    if (!formRef.current) return;
    setErrors({});
    try {
      await update.mutateAsync({ ...readForm(formRef.current), version });
      onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      if (error.status === 409) setConflict((error.body.details as { current: CaseDetail }).current);
      else setErrors(error.fieldErrors());
    }
  }

  return (
    <form
      key={formKey}
      ref={formRef}
      aria-label="Edit case details"
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(base.version);
      }}
    >
      {conflict ? (
        <ConflictNotice
          base={base}
          current={conflict}
          onLoadTheirs={() => {
            setBase(conflict);
            setConflict(null);
            setFormKey((k) => k + 1);
          }}
          onOverwrite={() => {
            const version = conflict.version;
            setConflict(null);
            void save(version);
          }}
        />
      ) : null}
      {update.error && !conflict && Object.keys(errors).length === 0 ? (
        <Alert tone="error">{update.error.message}</Alert>
      ) : null}
      <Field id="edit-title" label="Title" error={errors.title}>
        <Input id="edit-title" name="title" defaultValue={base.title} {...invalidProps("edit-title", errors.title)} />
      </Field>
      <Field id="edit-summary" label="Summary" error={errors.summary}>
        <textarea
          id="edit-summary"
          name="summary"
          rows={4}
          defaultValue={base.summary}
          className="rounded-md border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="edit-severity" label="Severity" error={errors.severity}>
          <Select id="edit-severity" name="severity" defaultValue={base.severity}>
            {severities.map((s) => (
              <option key={s} value={s}>
                {severityLabels[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="edit-due" label="Due date" error={errors.dueDate}>
          <Input
            id="edit-due"
            name="dueDate"
            type="date"
            defaultValue={base.dueDate ?? ""}
            {...invalidProps("edit-due", errors.dueDate)}
          />
        </Field>
        <Field id="edit-tags" label="Tags" error={errors.tags} hint="Separated by commas">
          <Input id="edit-tags" name="tags" defaultValue={base.tags.join(", ")} />
        </Field>
      </div>
      <fieldset className="rounded-md border p-3">
        <legend className="px-1 text-sm font-semibold">Subject</legend>
        <SubjectFields errors={errors} defaults={base.subject} />
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
