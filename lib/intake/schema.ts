import { z } from "zod";

export const textQuerySchema = z.strictObject({
  page: z.coerce.number().int("A page number").min(1, "Pages start at 1").optional(),
});
