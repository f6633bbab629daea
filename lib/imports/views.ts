import { z } from "zod";
import { jobStatuses } from "@/lib/jobs/constants";

export const importErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});

export const importOutcomeSchema = z.object({
  row: z.number().int(),
  key: z.string(),
  outcome: z.enum(["created", "matched", "refused"]),
  reason: z.string().optional(),
  personaId: z.uuid().optional(),
  hits: z.number().int().optional(),
});

export const importMappingViewSchema = z.object({
  source: z.string(),
  key: z.string(),
  columns: z.record(z.string(), z.string()),
});

export const importSchema = z.object({
  id: z.uuid(),
  status: z.enum(jobStatuses),
  /** Per mille of the rows done, for a progress bar. */
  progress: z.number().int().min(0).max(1000),
  dryRun: z.boolean(),
  source: z.string(),
  mapping: importMappingViewSchema,
  fileName: z.string(),
  sha256: z.string(),
  caseId: z.uuid().nullable(),
  evidence: z.object({ id: z.uuid(), exhibitNo: z.string() }).nullable(),
  rows: z.number().int(),
  created: z.number().int(),
  matched: z.number().int(),
  refused: z.number().int(),
  /** Why the whole import failed (a missing column, an unreadable file). */
  failure: z.string().nullable(),
  /** Every problem of every refused row (the first 10,000). */
  errors: z.array(importErrorSchema),
  /** What happened, or in a dry run would happen, to each row (the first 10,000). */
  outcomes: z.array(importOutcomeSchema),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportView = z.infer<typeof importSchema>;
