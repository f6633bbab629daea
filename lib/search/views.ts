import { z } from "zod";

export const searchKinds = ["identifier", "case", "persona", "evidence", "note"] as const;

export const searchItemSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  caseId: z.uuid().optional(),
  title: z.string(),
  snippet: z.string(),
  /** Character ranges of the snippet that matched, to highlight. */
  marks: z.array(z.tuple([z.int(), z.int()])),
  url: z.string().describe("The page that shows it"),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

export const searchResultSchema = z.object({
  items: z.array(searchItemSchema),
  total: z.int().describe("Items found (at most `limit` per kind)"),
  more: z.boolean().describe("Some kind had more matches than `limit`"),
  identifier: z
    .object({ type: z.string(), normalizedValue: z.string() })
    .array()
    .describe("What the query was read as when it parses as identifiers (any notation)"),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
