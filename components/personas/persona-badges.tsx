import { Badge } from "@/components/ui/badge";
import type { PersonaStatus } from "@/lib/personas/constants";
import { cn } from "@/lib/utils";
import { personaStatusLabels } from "./labels";

const statusClasses: Record<PersonaStatus, string> = {
  suspected: "border-transparent bg-amber-100 text-amber-900",
  confirmed: "border-transparent bg-red-100 text-red-900",
  cleared: "border-transparent bg-emerald-100 text-emerald-900",
  stolen_identity_victim: "border-transparent bg-sky-100 text-sky-900",
};

export function PersonaStatusBadge({ status }: { status: PersonaStatus }) {
  return (
    <Badge variant="outline" className={statusClasses[status]} data-testid="persona-status">
      {personaStatusLabels[status]}
    </Badge>
  );
}

export function RiskBadge({ score }: { score: number }) {
  const tone =
    score >= 70 ? "bg-red-600 text-white" : score >= 40 ? "bg-amber-500 text-black" : "bg-muted text-muted-foreground";
  return (
    <Badge
      variant="outline"
      className={cn("border-transparent tabular-nums", tone)}
      aria-label={`Risk score ${score} of 100`}
    >
      {score}
    </Badge>
  );
}
