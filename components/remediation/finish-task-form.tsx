"use client";

import { useState } from "react";
import { Field } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ExhibitPicker } from "@/components/evidence/exhibit-picker";
import { ApiError } from "@/lib/client/api";
import { useUpdateTask } from "@/lib/client/hooks/use-tasks";
import type { TaskView } from "@/lib/remediation/views";

const textareaClass =
  "w-full rounded-md border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

interface FinishTaskFormProps {
  task: TaskView;
  to: "done" | "not_applicable";
  onClose: () => void;
}

/** Finishing a task: a completion note (the reason, for not applicable) and optionally the evidence that proves it. */
export function FinishTaskForm({ task, to, onClose }: FinishTaskFormProps) {
  const update = useUpdateTask(task.caseId);
  const [note, setNote] = useState(task.completionNote ?? "");
  const [evidenceId, setEvidenceId] = useState(task.evidenceId ?? "");
  const errors = update.error instanceof ApiError ? update.error.fieldErrors() : {};
  const na = to === "not_applicable";
  const noteId = `finish-note-${task.id}`;
  const evidenceField = `finish-evidence-${task.id}`;
  return (
    <form
      aria-label={na ? "Mark not applicable" : "Mark done"}
      className="mt-2 flex flex-col gap-2 rounded-md border bg-muted/30 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate(
          {
            taskId: task.id,
            input: {
              status: to,
              completionNote: note.trim() || null,
              ...(na ? {} : { evidenceId: evidenceId || null }),
            },
          },
          { onSuccess: onClose },
        );
      }}
    >
      <Field
        id={noteId}
        label={na ? "Why does this task not apply?" : "Completion note (optional)"}
        error={errors.completionNote}
      >
        <textarea
          id={noteId}
          autoFocus
          required={na}
          rows={2}
          className={textareaClass}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      {na ? null : (
        <ExhibitPicker
          id={evidenceField}
          label="Linked evidence (optional)"
          hint="For example the courier receipt for a recovered laptop."
          cases={[{ id: task.caseId, ref: "" }]}
          value={evidenceId}
          onChange={setEvidenceId}
          error={errors.evidenceId}
        />
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={update.isPending || (na && note.trim() === "")}>
          {na ? "Confirm not applicable" : "Confirm done"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
      {update.error && Object.keys(errors).length === 0 ? <Alert tone="error">{update.error.message}</Alert> : null}
    </form>
  );
}
