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

// One format for dates and times across the app (lib/format.ts); kept here for the many callers.
export { formatDate, formatDateTime } from "@/lib/format";
