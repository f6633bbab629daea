import { screenSanctionsHitSchema } from "@/lib/sanctions/views";
import { z } from "zod";
import { identifierTypeSchema, linkRelationSchema, personaStatusSchema } from "@/lib/personas/schema";
import { correlationSchema, personaRefSchema } from "@/lib/personas/views";

export const graphNodeSchema = z.discriminatedUnion("kind", [
  z.object({
    id: z.string().describe("p:<persona id>"),
    kind: z.literal("persona"),
    personaId: z.uuid(),
    label: z.string(),
    status: personaStatusSchema,
    riskScore: z.int(),
    depth: z.int().describe("Persona hops from the starting persona(s)"),
    inCase: z.boolean().optional(),
    expanded: z.boolean().describe("false when its own identifiers are not in this view yet"),
  }),
  z.object({
    id: z.string().describe("i:<identifier id>"),
    kind: z.literal("identifier"),
    identifierId: z.uuid(),
    label: z.string(),
    identifierType: identifierTypeSchema,
    chain: z.string().optional(),
    hiddenHolders: z.int().describe("Holders in cases you cannot access (a count only)"),
    moreHolders: z
      .int()
      .describe(
        "Holders this view does not show: beyond the most confident few per identifier, or past the view's size limit (a count only; expand a persona to see more)",
      ),
  }),
]);
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: z.enum(["identifier", "link"]),
  label: z.string(),
  confidence: z.int(),
  relation: linkRelationSchema.optional(),
  evidenceId: z.uuid().nullable().describe("Source evidence of the identifier, or evidence behind the link"),
  rationale: z.string().optional(),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  truncated: z.boolean().describe("true when the node limit was reached"),
});
export type GraphView = z.infer<typeof graphSchema>;

export const networkSchema = z.object({
  id: z.string().describe("Stable key: the smallest persona id in the network"),
  size: z.int(),
  maxRisk: z.int(),
  members: z.array(personaRefSchema.extend({ riskScore: z.int() })).describe("Up to 5 personas, highest risk first"),
});
export type NetworkView = z.infer<typeof networkSchema>;

export const networkListSchema = z.object({
  items: z.array(networkSchema),
  total: z.int(),
  personasInNetworks: z.int(),
  page: z.int(),
  pageSize: z.int(),
  computedAt: z.iso.datetime(),
});
export type NetworkList = z.infer<typeof networkListSchema>;

export const screenResultSchema = z.object({
  index: z.int(),
  type: z.string(),
  value: z.string(),
  normalizedValue: z.string().nullable(),
  error: z.string().nullable(),
  identifierId: z.uuid().nullable(),
  matches: correlationSchema,
  /** Entries of the current sanctions lists holding this identifier or name. */
  sanctions: z.array(screenSanctionsHitSchema),
});
export type ScreenResult = z.infer<typeof screenResultSchema>;

export const screenResponseSchema = z.object({
  results: z.array(screenResultSchema),
  summary: z.object({ total: z.int(), valid: z.int(), invalid: z.int(), hits: z.int(), sanctionsHits: z.int() }),
  /** The list versions screened against (the current one per source). */
  sanctionsLists: z.array(screenSanctionsHitSchema.shape.listVersion),
});
export type ScreenResponse = z.infer<typeof screenResponseSchema>;
