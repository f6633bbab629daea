import { Field, invalidProps } from "@/components/cases/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { personaStatuses } from "@/lib/personas/constants";
import type { PersonaInput } from "@/lib/personas/schema";
import { personaStatusLabels } from "./labels";

interface PersonaFieldsProps {
  idPrefix: string;
  errors: Record<string, string>;
  defaults?: Partial<
    Pick<
      PersonaInput,
      "displayName" | "aliases" | "claimedLocation" | "claimedTimezone" | "claimedNationality" | "status" | "notes"
    >
  >;
}

const textAreaClass =
  "rounded-md border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** The persona's own fields, shared by the create and edit forms (read back with readPersonaFields). */
export function PersonaFields({ idPrefix, errors, defaults = {} }: PersonaFieldsProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("name")} label="Display name" error={errors.displayName}>
          <Input
            id={id("name")}
            name="displayName"
            defaultValue={defaults.displayName ?? ""}
            autoComplete="off"
            {...invalidProps(id("name"), errors.displayName)}
          />
        </Field>
        <Field id={id("aliases")} label="Aliases" error={errors.aliases} hint="Separated by commas">
          <Input
            id={id("aliases")}
            name="aliases"
            defaultValue={(defaults.aliases ?? []).join(", ")}
            autoComplete="off"
          />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field id={id("location")} label="Claimed location" error={errors.claimedLocation}>
          <Input id={id("location")} name="claimedLocation" defaultValue={defaults.claimedLocation ?? ""} />
        </Field>
        <Field id={id("timezone")} label="Claimed time zone" error={errors.claimedTimezone} hint="e.g. America/Chicago">
          <Input id={id("timezone")} name="claimedTimezone" defaultValue={defaults.claimedTimezone ?? ""} />
        </Field>
        <Field id={id("nationality")} label="Claimed nationality" error={errors.claimedNationality}>
          <Input id={id("nationality")} name="claimedNationality" defaultValue={defaults.claimedNationality ?? ""} />
        </Field>
        <Field id={id("status")} label="Status" error={errors.status}>
          <Select id={id("status")} name="status" defaultValue={defaults.status ?? "suspected"}>
            {personaStatuses.map((s) => (
              <option key={s} value={s}>
                {personaStatusLabels[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field id={id("notes")} label="Notes" error={errors.notes}>
        <textarea
          id={id("notes")}
          name="notes"
          rows={3}
          defaultValue={defaults.notes ?? ""}
          className={textAreaClass}
        />
      </Field>
    </>
  );
}

export function readPersonaFields(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  return {
    displayName: text("displayName"),
    aliases: text("aliases")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean),
    claimedLocation: text("claimedLocation") || null,
    claimedTimezone: text("claimedTimezone") || null,
    claimedNationality: text("claimedNationality") || null,
    status: text("status") as NonNullable<PersonaInput["status"]>,
    notes: text("notes"),
  };
}
