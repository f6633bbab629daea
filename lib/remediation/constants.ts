// Shared by server and browser: import nothing from drizzle or db/ here, so client components
// can use these lists without pulling table definitions into their bundle. db/schema builds its
// pgEnums from them.

export const taskKinds = [
  "preserve_evidence",
  "revoke_access",
  "rotate_secrets",
  "recover_device",
  "stop_payroll",
  "review_access",
  "hunt_personas",
  "notify_vendor",
  "notify_customers",
  "correct_records",
  "other",
] as const;
export type TaskKind = (typeof taskKinds)[number];
export const taskStatuses = ["todo", "in_progress", "done", "not_applicable"] as const;
export type TaskStatus = (typeof taskStatuses)[number];
