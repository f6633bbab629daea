import { z } from "zod";
import { identifierTypes } from "@/lib/personas/constants";
import { correlationSchema } from "@/lib/personas/views";
import { textStatuses } from "./constants";

export const textPageSchema = z.object({
  page: z.int().describe("1-based"),
  label: z.string().nullable().describe('"Attachment: cv.pdf", "Sheet: Applicants"; null for numbered pages'),
  text: z.string(),
});
export type TextPageView = z.infer<typeof textPageSchema>;

export const evidenceTextSchema = z.object({
  status: z.enum(textStatuses),
  format: z.string().nullable().describe("What the item was read as: pdf, docx, xlsx, email, html, text, image, zip"),
  reason: z.string().nullable().describe("Why it is partial, unsupported or failed"),
  pageCount: z.int(),
  extractedAt: z.iso.datetime().nullable(),
  pages: z.array(textPageSchema).optional().describe("Every page, or the one asked for with ?page=N"),
  text: z.string().optional().describe("The page asked for, or the whole text of an item with one page"),
});
export type EvidenceTextView = z.infer<typeof evidenceTextSchema>;

export const mentionLocationSchema = z.object({
  page: z.int().optional(),
  offset: z.int(),
  context: z.string(),
});

export const mentionSchema = z.object({
  type: z.enum(identifierTypes),
  value: z.string(),
  normalizedValue: z.string(),
  chain: z.string().nullable(),
  count: z.int(),
  locations: z.array(mentionLocationSchema).describe("The first 20 places"),
  knownAs: correlationSchema.describe("Personas already holding it; in cases you cannot access only counted"),
});
export type MentionView = z.infer<typeof mentionSchema>;

export const mentionListSchema = z.object({
  status: z.enum(textStatuses),
  canRecord: z.boolean().describe("Whether you may add these to the case's personas"),
  items: z.array(mentionSchema),
});
export type MentionListView = z.infer<typeof mentionListSchema>;
