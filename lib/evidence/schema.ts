import { z } from "zod";
import { evidenceKinds } from "./constants";

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
/** Multipart fields arrive as strings; an empty one means "not given". */
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v : null));

export const evidenceKindSchema = z.enum(evidenceKinds, {
  message: `Kind must be one of: ${evidenceKinds.join(", ")}`,
});

/** The metadata fields sent beside the file in an upload (all optional but the file itself). */
export const evidenceMetadataSchema = z.strictObject({
  title: optionalText(300),
  kind: z
    .string()
    .optional()
    .transform((v) => (v ? v : "other"))
    .pipe(evidenceKindSchema),
  description: text(10_000).optional().default(""),
  collectedAt: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .refine((v) => !Number.isNaN(Date.parse(v)), "Use a date and time like 2026-03-01T14:30:00Z")
        .transform((v) => new Date(v))
        .refine((d) => d.getTime() <= Date.now() + 24 * 60 * 60 * 1000, "Collected at cannot be in the future")
        .nullable(),
    ),
  collectedBy: optionalText(200),
  source: optionalText(500),
});
export type EvidenceMetadataInput = z.input<typeof evidenceMetadataSchema>;
export type EvidenceMetadataOutput = z.output<typeof evidenceMetadataSchema>;
export const evidenceMetadataFields = Object.keys(evidenceMetadataSchema.shape);

export const evidenceIdParamsSchema = z.object({ id: z.uuid({ message: "Not an evidence id" }) });

export const reasonSchema = z.strictObject({
  reason: text(2000).min(1, "Give a reason"),
});
export type ReasonInput = z.input<typeof reasonSchema>;

export const contentQuerySchema = z.object({
  inline: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

export const custodyQuerySchema = z.object({
  format: z.enum(["json", "csv"]).optional(),
});
