import { z } from "zod";
import { custodyActions } from "./constants";
import { evidenceKindSchema } from "./schema";

export const previewKinds = ["image", "pdf", "text", "none"] as const;
export type PreviewKind = (typeof previewKinds)[number];

export const evidenceSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  /** Exhibit label within its case: E-001, E-002… */
  exhibitNo: z.string(),
  title: z.string(),
  kind: evidenceKindSchema,
  description: z.string(),
  sha256: z.string().length(64),
  size: z.int(),
  /** Detected from the bytes themselves. */
  mimeType: z.string(),
  /** What the uploading browser or client claimed. */
  claimedMimeType: z.string().nullable(),
  mimeMismatch: z.boolean(),
  originalName: z.string(),
  collectedAt: z.iso.datetime().nullable(),
  collectedBy: z.string().nullable(),
  source: z.string().nullable(),
  legalHold: z.boolean(),
  holdReason: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  preview: z.enum(previewKinds),
  permissions: z.object({ readContent: z.boolean(), hold: z.boolean(), delete: z.boolean(), verify: z.boolean() }),
});
export type EvidenceView = z.infer<typeof evidenceSchema>;

/** A live exhibit of the same case holding the same bytes (same SHA-256) as an upload. */
export const duplicateOfSchema = z.object({
  id: z.uuid(),
  exhibitNo: z.string(),
  title: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.iso.datetime(),
});
export type DuplicateOf = z.infer<typeof duplicateOfSchema>;

/**
 * What an upload answers: the new item, and the earliest live exhibit of the same case with
 * identical bytes, if any. Items in other cases are never named (need-to-know).
 */
export const uploadedEvidenceSchema = evidenceSchema.extend({ duplicateOf: duplicateOfSchema.nullable() });
export type UploadedEvidenceView = z.infer<typeof uploadedEvidenceSchema>;

/** An exhibit taken out of the case: its number stays taken, with who removed it and why. */
export const removedExhibitSchema = z.object({
  exhibitNo: z.string(),
  title: z.string(),
  deletedAt: z.iso.datetime(),
  deletedBy: z.string().nullable(),
  reason: z.string().nullable(),
});
export type RemovedExhibit = z.infer<typeof removedExhibitSchema>;

export const evidenceListSchema = z.object({
  items: z.array(evidenceSchema),
  removed: z.array(removedExhibitSchema).describe("Deleted exhibits, so the numbering has no unexplained gaps"),
  permissions: z.object({ upload: z.boolean() }),
  maxUploadBytes: z.int(),
});
export type EvidenceList = z.infer<typeof evidenceListSchema>;

export const custodyEventSchema = z.object({
  id: z.int(),
  action: z.enum(custodyActions),
  actor: z.string(),
  at: z.iso.datetime(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type CustodyEventView = z.infer<typeof custodyEventSchema>;

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  expected: z.string(),
  actual: z.string().nullable(),
  size: z.int().nullable(),
  problem: z.enum(["mismatch", "missing"]).nullable(),
  checkedAt: z.iso.datetime(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export function exhibitLabel(n: number): string {
  return `E-${String(n).padStart(3, "0")}`;
}
