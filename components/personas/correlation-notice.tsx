import Link from "next/link";
import type { Correlation } from "@/lib/personas/views";
import { cn } from "@/lib/utils";
import { PersonaStatusBadge } from "./persona-badges";

interface CorrelationNoticeProps {
  matches: Correlation;
  /** Compact: one line per match, for tables. */
  compact?: boolean;
  className?: string;
}

/**
 * Who else holds an identifier, as far as the reader may know: personas they can see by name,
 * the rest only as the count and the leads to ask.
 */
export function CorrelationNotice({ matches, compact = false, className }: CorrelationNoticeProps) {
  if (!matches.message) return compact ? <span className="text-muted-foreground">No other persona</span> : null;
  return (
    <div
      className={cn(
        !compact && "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950",
        className,
      )}
      data-testid="correlation-notice"
    >
      <p className={compact ? "text-sm" : "font-medium"}>{matches.message}</p>
      {matches.personas.length > 0 ? (
        <ul className={cn("mt-1 flex flex-col gap-1", compact && "text-sm")}>
          {matches.personas.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/personas/${p.id}`} className="font-medium text-primary hover:underline">
                {p.displayName}
              </Link>
              {compact ? null : <PersonaStatusBadge status={p.status} />}
              <span className="text-muted-foreground">
                {p.cases.length > 0 ? `in ${p.cases.map((c) => c.ref).join(", ")}` : "in no case"} · confidence{" "}
                {p.confidence}
              </span>
            </li>
          ))}
          {matches.total > matches.personas.length ? (
            <li className="text-muted-foreground">and {matches.total - matches.personas.length} more</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
