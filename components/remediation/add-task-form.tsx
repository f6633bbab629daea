"use client";

import { useState } from "react";
import { Field, invalidProps } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type TaskKind, taskKinds } from "@/lib/remediation/constants";
import { ApiError } from "@/lib/client/api";
import { useCreateTask } from "@/lib/client/hooks/use-tasks";
import type { Person } from "@/lib/remediation/fields";
import { taskKindLabels } from "./labels";

interface AddTaskFormProps {
  caseId: string;
  assignees: Person[];
}

export function AddTaskForm({ caseId, assignees }: AddTaskFormProps) {
  const create = useCreateTask(caseId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <form
      aria-label="Add a task"
      className="grid gap-3 border-t pt-4 sm:grid-cols-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const text = (k: string) => String(data.get(k) ?? "").trim();
        setNotice(null);
        create.mutate(
          {
            kind: text("kind") as TaskKind,
            title: text("title"),
            ownerId: text("ownerId") || null,
            dueAt: text("dueAt") || null,
          },
          {
            onSuccess: (task) => {
              setErrors({});
              form.reset();
              setNotice(
                task.dueInPast
                  ? `Added “${task.title}”. Its due date has already passed, so it shows as overdue.`
                  : `Added “${task.title}”.`,
              );
            },
            onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
          },
        );
      }}
    >
      <Field id="task-title" label="Task" error={errors.title} className="flex flex-col gap-1.5 sm:col-span-2">
        <Input id="task-title" name="title" required maxLength={300} {...invalidProps("task-title", errors.title)} />
      </Field>
      <Field id="task-kind" label="Kind" error={errors.kind}>
        <Select id="task-kind" name="kind" defaultValue="other">
          {taskKinds.map((k) => (
            <option key={k} value={k}>
              {taskKindLabels[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="task-owner" label="Owner" error={errors.ownerId}>
        <Select id="task-owner" name="ownerId" defaultValue="" {...invalidProps("task-owner", errors.ownerId)}>
          <option value="">No owner yet</option>
          {assignees.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="task-due" label="Due" error={errors.dueAt} hint="Due at the end of that day (UTC).">
        <Input id="task-due" name="dueAt" type="date" {...invalidProps("task-due", errors.dueAt)} />
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={create.isPending}>
          Add task
        </Button>
      </div>
      {create.error && Object.keys(errors).length === 0 ? (
        <Alert tone="error" className="sm:col-span-2">
          {create.error.message}
        </Alert>
      ) : null}
      {notice ? <Alert className="sm:col-span-2">{notice}</Alert> : null}
    </form>
  );
}
