import { z } from "zod";
import { sanctionsListStatuses, sanctionsSources } from "./constants";

export const sanctionsListSchema = z.object({
  id: z.uuid(),
  source: z.enum(sanctionsSources),
  fileName: z.string(),
  publishedAt: z.iso.date().nullable(),
  sha256: z.string(),
  entries: z.number().int(),
  status: z.enum(sanctionsListStatuses),
  error: z.string().nullable(),
  importedBy: z.string().nullable(),
  importedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type SanctionsListView = z.infer<typeof sanctionsListSchema>;
export const sanctionsListsSchema = z.object({ items: z.array(sanctionsListSchema) });
export type SanctionsListsView = z.infer<typeof sanctionsListsSchema>;

export const sanctionsHitSchema = z.object({
  entry: z.object({
    name: z.string(),
    entNum: z.string(),
    program: z.string(),
    type: z.string(),
    aliases: z.array(z.string()),
    /** The list cut this entry's remarks: identifiers past the cut are not on it. */
    remarksCut: z.boolean(),
  }),
  matched: z.array(z.object({ kind: z.string(), value: z.string() })),
  score: z.number().int().min(0).max(100),
  listVersion: z.object({
    id: z.uuid(),
    source: z.enum(sanctionsSources),
    publishedAt: z.iso.date().nullable(),
    sha256: z.string(),
  }),
  status: z.enum(["open", "dismissed"]),
  /** Who judged it a false positive, when and why; null while the hit is open. */
  dismissal: z.object({ id: z.uuid(), reason: z.string(), by: z.string().nullable(), at: z.iso.datetime() }).nullable(),
});
export type SanctionsHit = z.infer<typeof sanctionsHitSchema>;
export const sanctionsHitsSchema = z.object({
  items: z.array(sanctionsHitSchema),
  /** What the reader may do here: dismiss or re-open a name hit, dismiss an exact identifier hit. */
  permissions: z.object({ judge: z.boolean(), dismissExact: z.boolean() }),
});
export type SanctionsHits = z.infer<typeof sanctionsHitsSchema>;

export const dismissHitSchema = z.strictObject({
  source: z.enum(sanctionsSources),
  entNum: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(3, "Say why this hit is a false positive").max(2000),
});
export type DismissHitInput = z.input<typeof dismissHitSchema>;
export const dismissalParamsSchema = z.object({ id: z.uuid(), dismissalId: z.uuid() });

/** A hit of one screened value (an applicant's identifier or name), with the list version. */
export const screenSanctionsHitSchema = z.object({
  entry: sanctionsHitSchema.shape.entry.pick({ name: true, entNum: true, program: true, type: true }),
  matched: z.object({ kind: z.string(), value: z.string() }),
  score: z.number().int().min(0).max(100),
  listVersion: sanctionsHitSchema.shape.listVersion,
});
export type ScreenSanctionsHit = z.infer<typeof screenSanctionsHitSchema>;
