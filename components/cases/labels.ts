import type { CaseStatus, Severity } from "@/lib/cases/constants";

export const statusLabels: Record<CaseStatus, string> = {
  triage: "Triage",
  investigating: "Investigating",
  contained: "Contained",
  referred: "Referred",
  closed: "Closed",
  cleared: "Cleared",
};

export const severityLabels: Record<Severity, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const transitionVerbs: Record<CaseStatus, string> = {
  triage: "Back to triage",
  investigating: "Start investigating",
  contained: "Mark contained",
  referred: "Mark referred",
  closed: "Close case",
  cleared: "Clear as false alarm",
};

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return date.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
