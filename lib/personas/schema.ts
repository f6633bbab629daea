import { z } from "zod";
import { evidenceRefSchema } from "@/lib/evidence/exhibit-ref";
import {
  casePersonaRoles,
  identifierTypes,
  personaLinkRelations,
  personaLinkStatuses,
  personaStatuses,
} from "./constants";
import { riskWeights } from "./risk";

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));
const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { message: `${what} must be one of: ${values.join(", ")}` });

export const personaStatusSchema = enumOf(personaStatuses, "Status");
export const casePersonaRoleSchema = enumOf(casePersonaRoles, "Role");
export const identifierTypeSchema = enumOf(identifierTypes, "Identifier type");
export const linkRelationSchema = enumOf(personaLinkRelations, "Relation");
export const linkStatusSchema = enumOf(personaLinkStatuses, "Link status");
export const confidenceSchema = z
  .int({ message: "Confidence is a whole number from 0 to 100" })
  .min(0, "Confidence is at least 0")
  .max(100, "Confidence is at most 100");

export const credentialSchema = z.strictObject({
  name: text(200).min(1, "Name the school or employer"),
  detail: text(500).optional(),
  verification: enumOf(["unverified", "verified", "failed"] as const, "Verification").default("unverified"),
});

export const personaInputSchema = z.strictObject({
  displayName: text(200).min(1, "Display name is required"),
  aliases: z
    .array(text(200).min(1, "Aliases cannot be empty"))
    .max(50, "At most 50 aliases")
    .default([])
    .transform((a) => [...new Set(a)]),
  claimedLocation: optionalText(200),
  claimedTimezone: optionalText(100),
  claimedNationality: optionalText(100),
  claimedEducation: z.array(credentialSchema).max(30).default([]),
  claimedEmployers: z.array(credentialSchema).max(30).default([]),
  status: personaStatusSchema.default("suspected"),
  notes: text(20_000).default(""),
  photoEvidenceId: z.uuid({ message: "Photo must be an evidence id" }).nullish(),
});
export type PersonaInput = z.input<typeof personaInputSchema>;

/** Create: the persona, optionally attached to a case at once (so it is never visible beyond it). */
export const personaCreateSchema = personaInputSchema.extend({
  caseId: z.uuid({ message: "Not a valid case id" }).optional(),
  role: casePersonaRoleSchema.default("subject"),
});
export type PersonaCreate = z.input<typeof personaCreateSchema>;

// Defaults are dropped for updates: zod applies them inside .partial(), which would reset fields.
export const personaUpdateSchema = personaInputSchema
  .extend({
    aliases: z.array(text(200).min(1)).max(50),
    claimedEducation: z.array(credentialSchema).max(30),
    claimedEmployers: z.array(credentialSchema).max(30),
    status: personaStatusSchema,
    notes: text(20_000),
  })
  .partial()
  .extend({ version: z.int({ message: "version is required" }).positive() });
export type PersonaUpdate = z.input<typeof personaUpdateSchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item));
export const personaSortFields = ["displayName", "status", "riskScore", "updatedAt", "createdAt"] as const;

export const personaListQuerySchema = z.strictObject({
  q: text(200).optional(),
  status: csv(personaStatusSchema).optional(),
  sort: z
    .string()
    .regex(
      new RegExp(`^-?(${personaSortFields.join("|")})$`),
      `sort is one of ${personaSortFields.join(", ")}, with - for descending`,
    )
    .default("-updatedAt"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "pageSize is at most 100").default(25),
});
export type PersonaListQuery = z.input<typeof personaListQuerySchema>;

export const personaIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid persona id" }) });
export const personaIdentifierParamsSchema = personaIdParamsSchema.extend({
  identifierId: z.uuid({ message: "Not a valid identifier id" }),
});
export const casePersonaParamsSchema = z.object({
  id: z.uuid({ message: "Not a valid case id" }),
  personaId: z.uuid({ message: "Not a valid persona id" }),
});
export const linkIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid link id" }) });
export const redFlagParamsSchema = personaIdParamsSchema.extend({
  code: z.string().regex(/^[A-Z_]{2,40}$/, "Not a red-flag code"),
});

/** Why a flag goes: required for one the system raised, kept in the audit trail. */
export const redFlagRemovalSchema = z.strictObject({
  reason: text(2000)
    .optional()
    .transform((v) => v || undefined),
});
export type RedFlagRemoval = z.input<typeof redFlagRemovalSchema>;

const attributesSchema = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, "Attribute names are letters, digits and _"), text(500))
  .refine((a) => Object.keys(a).length <= 20, "At most 20 attributes");

export const identifierInputSchema = z.strictObject({
  type: identifierTypeSchema,
  value: z.string().max(1000, "At most 1000 characters"),
  chain: text(30)
    .nullish()
    .describe(
      "A wallet's chain by name or ticker (bitcoin/BTC/XBT, ethereum/ETH, TRX, SOL, LTC, BCH, XMR, ZEC, DASH, polygon...); a token ticker (USDT, USDC) or none: the chain follows from the address and the token is kept as the asset",
    ),
  attributes: attributesSchema.optional(),
  defaultCountry: z
    .string()
    .trim()
    .length(2, "A two-letter country code such as US or GB")
    .optional()
    .describe(
      "Region for a phone number without a country code; by default the country the persona claims to be in (claimedCountry), else the organisation's default phone region",
    ),
  unparsed: z.boolean().optional(),
  /** The evidence it came from: an exhibit number in one of the persona's cases ("E-001") or an item id. */
  sourceEvidenceId: evidenceRefSchema.nullish(),
  sourceLocation: z
    .strictObject({
      page: z.int().min(1, "Pages start at 1").optional(),
      offset: z.int().min(0, "An offset is 0 or more"),
    })
    .nullish()
    .describe("Where in the source item's extracted text it was found (a mention's location)"),
  confidence: confidenceSchema.default(50),
  observedAt: z.iso.datetime({ offset: true, message: "Use an ISO date-time such as 2026-03-01T12:00:00Z" }).nullish(),
});
export type IdentifierInput = z.input<typeof identifierInputSchema>;

export const casePersonaInputSchema = z
  .strictObject({
    personaId: z.uuid({ message: "Not a valid persona id" }).optional(),
    persona: personaInputSchema.optional(),
    role: casePersonaRoleSchema.default("subject"),
  })
  .refine((v) => Boolean(v.personaId) !== Boolean(v.persona), {
    message: "Give either personaId (attach) or persona (create)",
  });
export type CasePersonaInput = z.input<typeof casePersonaInputSchema>;

export const linkInputSchema = z.strictObject({
  fromPersonaId: z.uuid({ message: "Not a valid persona id" }),
  toPersonaId: z.uuid({ message: "Not a valid persona id" }),
  relation: linkRelationSchema.default("associated"),
  status: linkStatusSchema.default("confirmed"),
  confidence: confidenceSchema.default(50),
  rationale: text(5000).default(""),
  evidenceId: z.uuid({ message: "Evidence must be an evidence id" }).nullish(),
});
export type LinkInput = z.input<typeof linkInputSchema>;

export const linkUpdateSchema = z.strictObject({
  relation: linkRelationSchema.optional(),
  status: linkStatusSchema.optional(),
  confidence: confidenceSchema.optional(),
  rationale: text(5000).optional(),
  evidenceId: z.uuid({ message: "Evidence must be an evidence id" }).nullish(),
});
export type LinkUpdate = z.input<typeof linkUpdateSchema>;

const flagCodes = Object.keys(riskWeights) as [string, ...string[]];
export const redFlagInputSchema = z.strictObject({
  code: z.enum(flagCodes, { message: `Code must be one of: ${flagCodes.join(", ")}` }),
  note: text(2000).optional(),
  evidenceId: z.uuid({ message: "Evidence must be an evidence id" }).nullish(),
});
export type RedFlagInput = z.input<typeof redFlagInputSchema>;
