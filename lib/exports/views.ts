import { z } from "zod";
import { exportStatusSchema, privilegedHandlings } from "./schema";

const person = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const exportSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseRef: z.string(),
  caseTitle: z.string(),
  status: exportStatusSchema,
  /** Per mille of the pack's bytes written so far; 1000 once done. */
  progress: z.int().min(0).max(1000),
  fileName: z.string().nullable(),
  size: z.int().nullable(),
  /** SHA-256 of the whole .zip: the value to record when the pack is handed over. */
  sha256: z.string().nullable(),
  /** SHA-256 of manifest.json inside the pack, also printed on the report's cover. */
  manifestSha256: z.string().nullable(),
  error: z.string().nullable(),
  createdBy: person.nullable(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  options: z.object({
    excluded: z.int().describe("Items left out, each with a reason"),
    privileged: z.enum(privilegedHandlings),
    includeReport: z.boolean(),
    includeStix: z.boolean(),
    includeGraph: z.boolean(),
  }),
  downloadUrl: z.string().nullable(),
});
export type ExportView = z.infer<typeof exportSchema>;

export const exportListSchema = z.object({
  items: z.array(exportSchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type ExportList = z.infer<typeof exportListSchema>;

export const exportCreatedSchema = z.object({ id: z.uuid() });
