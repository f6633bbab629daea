import type { CaseStatus } from "@/db/schema";

export const openStatuses: readonly CaseStatus[] = ["triage", "investigating", "contained", "referred"];
export const finalStatuses: readonly CaseStatus[] = ["closed", "cleared"];

/**
 * The legal moves. A case goes forward one step at a time (a contained case may close without a
 * referral); any open case may be cleared as a false alarm; a closed or cleared case only comes
 * back through an explicit reopen to `investigating`, which needs a reason.
 */
const moves: Record<CaseStatus, readonly CaseStatus[]> = {
  triage: ["investigating", "cleared"],
  investigating: ["contained", "cleared"],
  contained: ["referred", "closed", "cleared"],
  referred: ["closed", "cleared"],
  closed: ["investigating"],
  cleared: ["investigating"],
};

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return moves[from];
}

export function isOpen(status: CaseStatus): boolean {
  return openStatuses.includes(status);
}

export type TransitionProblem =
  { kind: "illegal"; allowed: readonly CaseStatus[] } | { kind: "reason_required"; message: string } | null;

export function checkTransition(from: CaseStatus, to: CaseStatus, reason: string | undefined): TransitionProblem {
  if (!moves[from].includes(to)) return { kind: "illegal", allowed: moves[from] };
  const hasReason = Boolean(reason && reason.trim().length > 0);
  if (finalStatuses.includes(to) && !hasReason) {
    return {
      kind: "reason_required",
      message: to === "cleared" ? "Say why this was a false alarm" : "Closing a case needs a reason",
    };
  }
  if (finalStatuses.includes(from) && !hasReason)
    return { kind: "reason_required", message: "Reopening a case needs a reason" };
  return null;
}
