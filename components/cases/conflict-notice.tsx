import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CaseDetail } from "@/lib/cases/views";

const fieldLabels: [string, (c: CaseDetail) => unknown][] = [
  ["Title", (c) => c.title],
  ["Summary", (c) => c.summary],
  ["Severity", (c) => c.severity],
  ["Due date", (c) => c.dueDate],
  ["Tags", (c) => c.tags.join(", ")],
  ["Status", (c) => c.status],
  ["Lead", (c) => c.lead?.name ?? null],
  ["Subject name", (c) => c.subject.name],
  ["Subject role", (c) => c.subject.role],
  ["Subject team", (c) => c.subject.team],
  ["Hiring channel", (c) => c.subject.hiringChannel],
  ["Subject start date", (c) => c.subject.startDate],
  ["Access level", (c) => c.subject.accessLevel],
  ["Work location", (c) => c.subject.location],
];

/** What changed between the copy the user started from and the one now saved. */
export function diffCases(base: CaseDetail, current: CaseDetail): { field: string; theirs: string }[] {
  return fieldLabels
    .filter(([, get]) => JSON.stringify(get(base)) !== JSON.stringify(get(current)))
    .map(([field, get]) => ({ field, theirs: String(get(current) ?? "—") }));
}

interface ConflictNoticeProps {
  base: CaseDetail;
  current: CaseDetail;
  onLoadTheirs: () => void;
  onOverwrite: () => void;
}

export function ConflictNotice({ base, current, onLoadTheirs, onOverwrite }: ConflictNoticeProps) {
  const changes = diffCases(base, current);
  return (
    <Alert tone="error" className="flex flex-col gap-2">
      <p className="font-medium">Someone else changed this case while you were editing. Your changes were not saved.</p>
      {changes.length ? (
        <ul className="list-disc pl-5 text-foreground">
          {changes.map((c) => (
            <li key={c.field}>
              {c.field} is now: <span className="font-medium">{c.theirs}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-foreground">They changed fields you are not editing here.</p>
      )}
      <div className="flex gap-2">
        <Button type="button" size="sm" variant="outline" onClick={onLoadTheirs}>
          Discard mine and load theirs
        </Button>
        <Button type="button" size="sm" variant="destructive" onClick={onOverwrite}>
          Save mine over theirs
        </Button>
      </div>
    </Alert>
  );
}
