import { z } from "zod";

export const MAX_GRAPH_DEPTH = 3;
export const MAX_SCREEN_ROWS = 10_000;

export const graphQuerySchema = z.strictObject({
  depth: z.coerce
    .number({ message: "depth is 1, 2 or 3" })
    .int("depth is 1, 2 or 3")
    .min(1, "depth is 1, 2 or 3")
    .max(
      MAX_GRAPH_DEPTH,
      `depth is 1, 2 or 3 (at most ${MAX_GRAPH_DEPTH}: deeper neighbourhoods are explored by expanding nodes)`,
    )
    .default(2),
});
export type GraphQuery = z.input<typeof graphQuerySchema>;

export const screenRowSchema = z.strictObject({
  type: z.string().max(40),
  value: z.string().max(1000, "At most 1000 characters"),
  chain: z.string().max(30).nullish(),
  defaultCountry: z.string().max(2).optional(),
});

export const screenInputSchema = z.strictObject({
  identifiers: z
    .array(screenRowSchema)
    .min(1, "Send at least one identifier")
    .max(
      MAX_SCREEN_ROWS,
      `At most ${MAX_SCREEN_ROWS.toLocaleString("en")} identifiers per request: split the list into several requests`,
    ),
  /** Country for phone numbers written without a country code. */
  defaultCountry: z.string().trim().length(2, "A two-letter country code such as US or GB").optional(),
});
export type ScreenInput = z.input<typeof screenInputSchema>;

export const networksQuerySchema = z.strictObject({
  personaId: z
    .uuid({ message: "Not a valid persona id" })
    .optional()
    .describe("Only the network containing this persona"),
  minSize: z.coerce.number().int().min(2, "A network has at least 2 personas").max(1_000_000).default(2),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "pageSize is at most 100").default(20),
});
export type NetworksQuery = z.input<typeof networksQuerySchema>;
