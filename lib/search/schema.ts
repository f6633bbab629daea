import { z } from "zod";

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, "Type something to search for").max(200, "At most 200 characters"),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe("Results per kind"),
});
