import { z } from "zod";
import { identifierTypes } from "@/lib/personas/constants";
import { importPersonaFields } from "./constants";

export const importTargets = [...importPersonaFields, ...identifierTypes] as const;

const header = z.string().trim().min(1, "A column name cannot be empty").max(200, "At most 200 characters");

export const importMappingSchema = z
  .strictObject({
    source: z.string().trim().min(1, "Name the source system (e.g. greenhouse)").max(100, "At most 100 characters"),
    key: header.describe("The column holding the source system's id of each record"),
    columns: z
      .record(header, z.enum(importTargets, { message: `Map each column to one of: ${importTargets.join(", ")}` }))
      .refine((c) => Object.keys(c).length <= 100, "At most 100 mapped columns"),
  })
  .refine((m) => Object.values(m.columns).filter((t) => t === "displayName").length === 1, {
    message: "Map exactly one column to displayName",
    path: ["columns"],
  })
  .refine((m) => !(m.key in m.columns), { message: "The key column cannot also be mapped", path: ["key"] });

const jsonText = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "Send the mapping as JSON" });
    return z.NEVER;
  }
});

/** The text fields of POST /api/imports beside the file. */
export const importFieldsSchema = z.strictObject({
  mapping: jsonText.pipe(importMappingSchema),
  dryRun: z
    .enum(["true", "false"], { message: "dryRun is true or false" })
    .optional()
    .transform((v) => v === "true"),
  caseId: z.uuid({ message: "Not a valid case id" }).optional(),
  phoneRegion: z
    .string()
    .regex(/^[A-Z]{2}$/, "A two-letter region such as US or GB")
    .optional(),
});
export type ImportFields = z.output<typeof importFieldsSchema>;

export const importIdParamsSchema = z.object({ id: z.uuid({ message: "Not an import id" }) });
