import { Input } from "@/components/ui/input";
import type { CaseDetail } from "@/lib/cases/views";
import { Field, invalidProps } from "./field";

const subjectFields = [
  { key: "name", label: "Name as claimed" },
  { key: "role", label: "Role" },
  { key: "team", label: "Team" },
  { key: "hiringChannel", label: "Hiring channel or staffing vendor" },
  { key: "startDate", label: "Start date", type: "date" },
  { key: "accessLevel", label: "Access level" },
  { key: "location", label: "Work location as claimed" },
] as const;

interface SubjectFieldsProps {
  errors: Record<string, string>;
  defaults?: CaseDetail["subject"];
}

/** The subject inputs, named `subject.<field>` to match the API's error paths. */
export function SubjectFields({ errors, defaults }: SubjectFieldsProps) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {subjectFields.map((f) => {
        const id = `subject-${f.key}`;
        const error = errors[`subject.${f.key}`];
        return (
          <Field key={f.key} id={id} label={f.label} error={error}>
            <Input
              id={id}
              name={`subject.${f.key}`}
              type={"type" in f ? f.type : "text"}
              defaultValue={defaults?.[f.key] ?? ""}
              {...invalidProps(id, error)}
            />
          </Field>
        );
      })}
    </div>
  );
}
