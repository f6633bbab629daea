import type { Progress } from "@/lib/remediation/views";

/** How much of the remediation is finished (done or not applicable). */
export function ProgressBar({ progress }: { progress: Progress }) {
  const finished = progress.done + progress.notApplicable;
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label="Remediation progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={`${finished} of ${progress.total} tasks finished`}
        className="h-3 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-success transition-[width]" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="text-sm text-muted-foreground" data-testid="task-progress">
        {finished} of {progress.total} finished ({progress.percent}%)
        {progress.overdue > 0 ? (
          <span className="font-medium text-destructive"> · {progress.overdue} overdue</span>
        ) : null}
      </p>
    </div>
  );
}
