// Shared by server and browser: import nothing from drizzle or db/ here.

export const jobStatuses = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];
