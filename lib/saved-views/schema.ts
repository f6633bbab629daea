import { z } from "zod";

export const MAX_SAVED_VIEWS = 50;

/** A case-list filter as the list's query string ("status=open&severity=high"), with or without "?". */
export const savedViewInputSchema = z.strictObject({
  name: z.string().trim().min(1, "Name the view").max(80, "A name is at most 80 characters"),
  query: z
    .string()
    .max(2000, "The filter is at most 2000 characters")
    .describe("The case list's query string (the page number is dropped); checked like GET /api/cases"),
  shared: z.boolean().default(false).describe("Shown to everyone beside their case list; false: only to you"),
});
export type SavedViewInput = z.input<typeof savedViewInputSchema>;

export const savedViewIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid view id" }) });

export const savedViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.string().describe("Open /cases?{query}, or GET /api/cases?{query}"),
  shared: z.boolean(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  mine: z.boolean().describe("Yours: you may delete it"),
  createdAt: z.iso.datetime(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });
export type SavedViewList = z.infer<typeof savedViewListSchema>;
