"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Field } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { casePersonaRoles } from "@/lib/personas/constants";
import { ApiError } from "@/lib/client/api";
import { useAttachPersona, useCreatePersona } from "@/lib/client/hooks/use-personas";
import { casePersonaRoleLabels } from "./labels";
import { PersonaFields, readPersonaFields } from "./persona-fields";

interface PersonaFormProps {
  /** Creates the persona inside this case (and only visible through it). */
  caseId?: string;
  onDone?: () => void;
}

export function PersonaForm({ caseId, onDone }: PersonaFormProps) {
  const router = useRouter();
  const create = useCreatePersona();
  const attach = useAttachPersona(caseId ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const pending = create.isPending || attach.isPending;

  async function submit() {
    if (!formRef.current) return;
    setErrors({});
    setProblem(null);
    const persona = readPersonaFields(formRef.current);
    try {
      if (caseId) {
        const role = String(new FormData(formRef.current).get("role")) as (typeof casePersonaRoles)[number];
        await attach.mutateAsync({ persona, role });
        formRef.current.reset();
        onDone?.();
      } else {
        const created = await create.mutateAsync(persona);
        router.push(`/personas/${created.id}`);
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = Object.fromEntries(
        Object.entries(error.fieldErrors()).map(([k, v]) => [k.replace(/^persona\./, ""), v]),
      );
      setErrors(fields);
      if (Object.keys(fields).length === 0) setProblem(error.message);
    }
  }

  return (
    <form
      ref={formRef}
      aria-label={caseId ? "Create a persona in this case" : "Record a persona"}
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <PersonaFields idPrefix={caseId ? "case-persona" : "new-persona"} errors={errors} />
      {caseId ? (
        <Field id="case-persona-role" label="Role in this case" className="flex w-48 flex-col gap-1.5">
          <Select id="case-persona-role" name="role" defaultValue="subject">
            {casePersonaRoles.map((r) => (
              <option key={r} value={r}>
                {casePersonaRoleLabels[r]}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <p className="text-sm text-muted-foreground">
          A persona in no case is visible to everyone who reads personas. To keep it within a case, create it from the
          case&apos;s Personas &amp; graph tab.
        </p>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : caseId ? "Create persona" : "Record persona"}
        </Button>
      </div>
    </form>
  );
}
