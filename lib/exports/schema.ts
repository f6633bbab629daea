import { z } from "zod";
import { lineText } from "@/lib/remediation/fields";
import { exportStatuses } from "./constants";

/** Items marked privileged are either packed like any other item or only listed (metadata, no bytes). */
export const privilegedHandlings = ["list_only", "include"] as const;
export type PrivilegedHandling = (typeof privilegedHandlings)[number];

const exclusionSchema = z.strictObject({
  evidenceId: z.uuid({ message: "Not a valid evidence id" }),
  /** Recorded in the manifest and the report, so whoever reads the pack knows why an exhibit is missing. */
  reason: lineText(500).min(1, "Say why this item is left out"),
});

/** A production for review platforms: Bates numbers with this prefix, natives and load files. */
export const productionSchema = z.strictObject({
  batesPrefix: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, "batesPrefix is 1 to 20 letters, digits, '-' or '_'"),
  /** The first number; left out, the production continues after the case's last one with this prefix. */
  startNumber: z.number().int().min(1).max(99_999_999).optional(),
});

export const exportOptionsSchema = z
  .strictObject({
    /** Live items of the case are all included unless listed here. */
    exclude: z.array(exclusionSchema).max(10_000).default([]),
    privileged: z
      .enum(privilegedHandlings, { message: `privileged must be one of: ${privilegedHandlings.join(", ")}` })
      .default("list_only"),
    includeReport: z.boolean().default(true),
    includeStix: z.boolean().default(true),
    /** The picture of the persona graph in the report. */
    includeGraph: z.boolean().default(true),
    production: productionSchema.nullable().default(null),
  })
  .refine((o) => new Set(o.exclude.map((e) => e.evidenceId)).size === o.exclude.length, {
    message: "Each item may be excluded once",
    path: ["exclude"],
  });
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;
export type ExportOptions = z.output<typeof exportOptionsSchema>;

export const createExportBodySchema = z.strictObject({
  options: exportOptionsSchema.default({
    exclude: [],
    privileged: "list_only",
    includeReport: true,
    includeStix: true,
    includeGraph: true,
    production: null,
  }),
});

export const exportIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid export id" }) });
export const exportStatusSchema = z.enum(exportStatuses);

export const exportListQuerySchema = z.strictObject({
  caseId: z.uuid({ message: "Not a valid case id" }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "pageSize is at most 100").default(25),
});
export type ExportListQuery = z.input<typeof exportListQuerySchema>;
