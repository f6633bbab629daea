import { z } from "zod";
import { caseStatuses } from "@/lib/cases/constants";
import {
  casePersonaRoleSchema,
  credentialSchema,
  identifierTypeSchema,
  linkRelationSchema,
  linkStatusSchema,
  personaStatusSchema,
} from "./schema";

const person = z.object({ id: z.uuid(), name: z.string() });

export const personaRefSchema = z.object({ id: z.uuid(), displayName: z.string(), status: personaStatusSchema });
export type PersonaRef = z.infer<typeof personaRefSchema>;

export const caseRefSchema = z.object({
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  status: z.enum(caseStatuses),
});
export type CaseRef = z.infer<typeof caseRefSchema>;

export const identifierSchema = z.object({
  id: z.uuid(),
  type: identifierTypeSchema,
  value: z.string().describe("The value as entered (on a persona's identifier: as this persona's claim entered it)"),
  normalizedValue: z
    .string()
    .describe(
      "The match key: values with one key are one identifier (Gmail dots and +tags, phone prefixes, address abbreviations...)",
    ),
  chain: z.string().optional(),
  attributes: z
    .record(z.string(), z.string())
    .describe(
      "Facts that follow from the value itself (provider, parsed country, platform...), the same for every holder",
    ),
});
export type IdentifierView = z.infer<typeof identifierSchema>;

export const matchedPersonaSchema = personaRefSchema.extend({
  riskScore: z.int(),
  confidence: z.int(),
  cases: z.array(caseRefSchema),
});

/** Other personas holding an identifier, as far as the actor may know. */
export const correlationSchema = z.object({
  personas: z.array(matchedPersonaSchema).describe("Visible personas (at most 25)"),
  total: z.int().describe("Visible personas in all"),
  hidden: z
    .object({ personas: z.int(), cases: z.int(), leads: z.array(z.string()) })
    .nullable()
    .describe("Matches only in cases you cannot access: counts and the leads to ask, nothing else"),
  message: z.string().nullable(),
});
export type Correlation = z.infer<typeof correlationSchema>;

export const personaIdentifierSchema = identifierSchema.extend({
  claimAttributes: z
    .record(z.string(), z.string())
    .describe(
      "What whoever recorded this claim said about the identifier (holder name, role, asset, a note): only this claim's",
    ),
  confidence: z.int(),
  sourceEvidenceId: z.uuid().nullable(),
  source: z
    .object({
      evidenceId: z.uuid(),
      caseId: z.uuid(),
      exhibitNo: z.string(),
      title: z.string(),
      page: z.int().nullable().describe("The page of its extracted text it was found on"),
    })
    .nullable()
    .describe("The exhibit it came from, when you may see that exhibit's case"),
  assertedBy: person.nullable(),
  observedAt: z.iso.datetime().nullable(),
  addedAt: z.iso.datetime(),
  matches: correlationSchema,
});
export type PersonaIdentifierView = z.infer<typeof personaIdentifierSchema>;

export const personaSummarySchema = personaRefSchema.extend({
  aliases: z.array(z.string()),
  riskScore: z.int(),
  claimedLocation: z.string().nullable(),
  caseCount: z.int().describe("Cases you can see"),
  identifierCount: z.int(),
  updatedAt: z.iso.datetime(),
});
export type PersonaSummary = z.infer<typeof personaSummarySchema>;

export const personaListSchema = z.object({
  items: z.array(personaSummarySchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type PersonaList = z.infer<typeof personaListSchema>;

export const riskSchema = z.object({
  score: z.int(),
  sum: z.int(),
  capped: z.boolean(),
  items: z.array(z.object({ code: z.string(), label: z.string(), weight: z.int() })),
});

export const redFlagSchema = z.object({
  code: z.string(),
  label: z.string(),
  weight: z.int(),
  note: z.string().nullable(),
  evidenceId: z.uuid().nullable(),
  recordedBy: person.nullable().describe("Null: raised by the system (sanctions screening, identifier reuse)"),
  recordedAt: z.iso.datetime(),
  reusedWith: z
    .array(
      z.object({
        identifier: identifierSchema.pick({ id: true, type: true, value: true }),
        confirmed: correlationSchema,
      }),
    )
    .optional()
    .describe(
      "REUSED_IDENTIFIER raised by the system: this persona's identifiers that confirmed personas hold, as far as you may know them (those in cases you cannot access are only counted)",
    ),
});
export type RedFlagView = z.infer<typeof redFlagSchema>;

export const personaCaseSchema = caseRefSchema.extend({ role: casePersonaRoleSchema });

export const personaDetailSchema = personaSummarySchema.extend({
  claimedTimezone: z.string().nullable(),
  claimedNationality: z.string().nullable(),
  claimedCountry: z
    .string()
    .nullable()
    .describe(
      "Two-letter country read from the claimed location (else a nationality naming a country): the default region of phone numbers written without a +code",
    ),
  claimedEducation: z.array(credentialSchema),
  claimedEmployers: z.array(credentialSchema),
  notes: z.string(),
  photoEvidenceId: z.uuid().nullable(),
  version: z.int(),
  createdAt: z.iso.datetime(),
  cases: z.array(personaCaseSchema),
  hiddenCaseCount: z.int().describe("Cases you cannot access that also hold this persona"),
  identifiers: z.array(personaIdentifierSchema),
  redFlags: z.array(redFlagSchema),
  risk: riskSchema,
  permissions: z.object({ edit: z.boolean() }),
});
export type PersonaDetail = z.infer<typeof personaDetailSchema>;

export const casePersonaSchema = personaSummarySchema.extend({
  role: casePersonaRoleSchema,
  addedAt: z.iso.datetime(),
});
export type CasePersonaView = z.infer<typeof casePersonaSchema>;

export const linkSchema = z.object({
  id: z.uuid(),
  from: personaRefSchema,
  to: personaRefSchema,
  relation: linkRelationSchema,
  status: linkStatusSchema,
  confidence: z.int(),
  rationale: z.string(),
  evidenceId: z.uuid().nullable(),
  createdBy: person.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LinkView = z.infer<typeof linkSchema>;

export const suggestionSchema = z.object({
  persona: personaRefSchema,
  sharedIdentifiers: z.array(identifierSchema.pick({ id: true, type: true, value: true, normalizedValue: true })),
});
export type SuggestionView = z.infer<typeof suggestionSchema>;

export const personaLinksSchema = z.object({ links: z.array(linkSchema), suggestions: z.array(suggestionSchema) });
export type PersonaLinks = z.infer<typeof personaLinksSchema>;
