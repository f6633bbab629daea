"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ClaimedCredential } from "@/db/schema/personas";
import { ApiError } from "@/lib/client/api";
import { useUpdatePersona } from "@/lib/client/hooks/use-personas";
import type { PersonaDetail } from "@/lib/personas/views";
import { CredentialsEditor } from "./credentials-editor";
import { PersonaFields, readPersonaFields } from "./persona-fields";

const clean = (rows: ClaimedCredential[]) =>
  rows.filter((r) => r.name.trim()).map((r) => ({ ...r, name: r.name.trim(), detail: r.detail?.trim() || undefined }));

/** Edits against the version that was opened; if someone saved in between, says so instead of overwriting. */
export function PersonaEditor({ persona, onDone }: { persona: PersonaDetail; onDone: () => void }) {
  const update = useUpdatePersona(persona.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [education, setEducation] = useState(persona.claimedEducation);
  const [employers, setEmployers] = useState(persona.claimedEmployers);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);

  async function save() {
    if (!formRef.current) return;
    setErrors({});
    try {
      await update.mutateAsync({
        ...readPersonaFields(formRef.current),
        claimedEducation: clean(education),
        claimedEmployers: clean(employers),
        version: persona.version,
      });
      onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 409) setConflict(true);
      else setErrors(error.fieldErrors());
    }
  }

  return (
    <form
      ref={formRef}
      aria-label="Edit persona"
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {conflict ? (
        <Alert tone="error">
          Someone else changed this persona since you opened it. Cancel to see their version, then make your change
          again.
        </Alert>
      ) : null}
      {update.error && !conflict && Object.keys(errors).length === 0 ? (
        <Alert tone="error">{update.error.message}</Alert>
      ) : null}
      <PersonaFields idPrefix="edit-persona" errors={errors} defaults={persona} />
      <CredentialsEditor
        legend="Claimed education"
        idPrefix="edu"
        value={persona.claimedEducation}
        onChange={setEducation}
      />
      <CredentialsEditor
        legend="Claimed employers"
        idPrefix="emp"
        value={persona.claimedEmployers}
        onChange={setEmployers}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={update.isPending || conflict}>
          {update.isPending ? "Saving…" : "Save changes"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
