import type { Job } from "@/db/schema";

export interface JobContext {
  job: Job;
  /** Per mille, for progress bars. */
  progress(perMille: number): Promise<void>;
}

export interface JobHandler {
  run(ctx: JobContext): Promise<void>;
  /** Jobs of this kind one process runs at once (the machine has few cores). */
  concurrency: number;
  /** Called once the job has failed for good, to say so where people look (the item's status). */
  onFailed?(job: Pick<Job, "id" | "key" | "payload">, message: string): Promise<void>;
}

/** A failure that trying again cannot fix: the job fails at once with this message. */
export class PermanentJobError extends Error {}

// Loaded on first use, so a module that queues a job never imports every handler's code.
const handlers: Record<string, () => Promise<JobHandler>> = {
  "evidence.text": () => import("@/lib/intake/extract-job").then((m) => m.extractTextHandler),
  "import.rows": () => import("@/lib/imports/run-import").then((m) => m.importRowsHandler),
  "match.candidates": () => import("@/lib/matching/match-job").then((m) => m.matchCandidatesHandler),
  "export.build": () => import("@/lib/exports/build-job").then((m) => m.buildExportHandler),
  "sanctions.list": () => import("@/lib/sanctions/list-job").then((m) => m.importListHandler),
  "notification.email": () => import("@/lib/notifications/email-job").then((m) => m.emailNotificationHandler),
  "notification.digest": () => import("@/lib/notifications/email-job").then((m) => m.emailDigestHandler),
  "notification.reminders": () => import("@/lib/notifications/reminders").then((m) => m.remindersHandler),
  "webhook.deliver": () => import("@/lib/webhooks/deliver").then((m) => m.deliverWebhookHandler),
};

export const jobKinds = Object.keys(handlers);

export function loadHandler(kind: string): Promise<JobHandler> {
  const load = handlers[kind];
  if (!load) throw new Error(`no handler for job kind ${kind}`);
  return load();
}
