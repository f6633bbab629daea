"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { severities, type Severity } from "@/lib/cases/constants";
import { ApiError } from "@/lib/client/api";
import { useCreateCase } from "@/lib/client/hooks/use-cases";
import { Field, invalidProps } from "./field";
import { severityLabels } from "./labels";
import { readSubjectFields, SubjectFields } from "./subject-fields";

const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim();

export function CaseForm() {
  const router = useRouter();
  const create = useCreateCase();
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setErrors({});
    try {
      const created = await create.mutateAsync({
        title: text(data, "title"),
        summary: text(data, "summary"),
        severity: text(data, "severity") as Severity,
        dueDate: text(data, "dueDate") || null,
        tags: text(data, "tags")
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean),
        template: data.get("template") === "on" ? "fake-remote-worker" : undefined,
        subject: readSubjectFields(data),
      });
      router.push(`/cases/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label="Open a case" className="flex max-w-3xl flex-col gap-4" noValidate>
      {create.error && Object.keys(errors).length === 0 ? <Alert tone="error">{create.error.message}</Alert> : null}
      {Object.keys(errors).length > 0 ? <Alert tone="error">Some fields need attention.</Alert> : null}
      <label className="flex items-start gap-2 rounded-md border p-3 text-sm">
        <input type="checkbox" name="template" defaultChecked className="mt-0.5" />
        <span>
          <span className="font-medium">Suspected fake remote worker</span>
          <span className="block text-muted-foreground">
            Adds the standard tags and the remediation task list, with due dates from now.
          </span>
        </span>
      </label>
      <Field id="case-title" label="Title" error={errors.title}>
        <Input id="case-title" name="title" required maxLength={200} {...invalidProps("case-title", errors.title)} />
      </Field>
      <Field id="case-summary" label="Summary" error={errors.summary} hint="What raised the suspicion, in a few lines.">
        <textarea
          id="case-summary"
          name="summary"
          rows={4}
          className="rounded-md border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          {...invalidProps("case-summary", errors.summary)}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="case-severity" label="Severity" error={errors.severity}>
          <Select id="case-severity" name="severity" defaultValue="high">
            {severities.map((s) => (
              <option key={s} value={s}>
                {severityLabels[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="case-due" label="Due date" error={errors.dueDate}>
          <Input id="case-due" name="dueDate" type="date" {...invalidProps("case-due", errors.dueDate)} />
        </Field>
        <Field id="case-tags" label="Tags" error={errors.tags ?? errors["tags.0"]} hint="Separated by commas">
          <Input
            id="case-tags"
            name="tags"
            placeholder="blockchain, contractor"
            {...invalidProps("case-tags", errors.tags)}
          />
        </Field>
      </div>
      <fieldset className="rounded-md border p-3">
        <legend className="px-1 text-sm font-semibold">Subject (as they presented themselves)</legend>
        <SubjectFields errors={errors} />
      </fieldset>
      <div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Opening…" : "Open case"}
        </Button>
      </div>
    </form>
  );
}
