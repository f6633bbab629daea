import type { TaskKind, TaskStatus } from "@/lib/remediation/constants";

export const taskKindLabels: Record<TaskKind, string> = {
  preserve_evidence: "Preserve evidence",
  revoke_access: "Revoke access",
  rotate_secrets: "Rotate secrets",
  recover_device: "Recover device",
  stop_payroll: "Stop payroll",
  review_access: "Review code and data access",
  hunt_personas: "Hunt linked personas",
  notify_vendor: "Notify staffing vendor",
  notify_customers: "Notify customers or regulators",
  correct_records: "Correct records (stolen identity)",
  other: "Other",
};

export const taskStatusLabels: Record<TaskStatus, string> = {
  todo: "To do",
  in_progress: "In progress",
  done: "Done",
  not_applicable: "Not applicable",
};
