import { Input } from "@/components/ui/input";
import type { CaseDetail } from "@/lib/cases/views";
import { Field, invalidProps } from "./field";

type SubjectKey = keyof CaseDetail["subject"];

const subjectFields: readonly { key: SubjectKey; label: string; type?: "date" | "datetime-local" }[] = [
  { key: "name", label: "Name as claimed" },
  { key: "role", label: "Role" },
  { key: "team", label: "Team" },
  { key: "hiringChannel", label: "Hiring channel or staffing vendor" },
  { key: "hiredOn", label: "Hired on", type: "date" },
  { key: "startDate", label: "Start date", type: "date" },
  { key: "deviceShippedOn", label: "Device shipped on", type: "date" },
  { key: "firstSignInAt", label: "First sign-in (your local time)", type: "datetime-local" },
  { key: "terminatedOn", label: "Terminated on", type: "date" },
  { key: "accessLevel", label: "Access level" },
  { key: "location", label: "Work location as claimed" },
];

/** An ISO moment as a datetime-local input writes it, in the browser's time zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The subject as the API takes it, read from a form holding <SubjectFields>; empty fields clear. */
export function readSubjectFields(data: FormData): Partial<Record<SubjectKey, string | null>> {
  return Object.fromEntries(
    subjectFields.map((f) => {
      const raw = String(data.get(`subject.${f.key}`) ?? "").trim();
      if (!raw) return [f.key, null];
      // A datetime-local value has no zone: it is the reader's local time, sent as an instant.
      if (f.type === "datetime-local") {
        const at = new Date(raw);
        return [f.key, Number.isNaN(at.getTime()) ? raw : at.toISOString()];
      }
      return [f.key, raw];
    }),
  );
}

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
        const value = defaults?.[f.key] ?? "";
        return (
          <Field key={f.key} id={id} label={f.label} error={error}>
            <Input
              id={id}
              name={`subject.${f.key}`}
              type={f.type ?? "text"}
              defaultValue={f.type === "datetime-local" && value ? toLocalInput(value) : value}
              {...invalidProps(id, error)}
            />
          </Field>
        );
      })}
    </div>
  );
}
