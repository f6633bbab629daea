import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import {
  candidateDecisionSchema,
  candidateListSchema,
  candidateParamsSchema,
  reviewQueueQuerySchema,
  reviewQueueSchema,
} from "./candidate-views";
import {
  casePersonaInputSchema,
  casePersonaParamsSchema,
  identifierInputSchema,
  linkIdParamsSchema,
  linkInputSchema,
  linkUpdateSchema,
  personaCreateSchema,
  personaIdentifierParamsSchema,
  personaIdParamsSchema,
  personaListQuerySchema,
  personaUpdateSchema,
  redFlagInputSchema,
  redFlagParamsSchema,
  redFlagRemovalSchema,
} from "./schema";
import {
  casePersonaSchema,
  linkSchema,
  personaDetailSchema,
  personaIdentifierSchema,
  personaLinksSchema,
  personaListSchema,
} from "./views";

const tag = "Personas";

export const personaOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/personas",
    summary: "Personas you may see (in a case you can see, or in no case): search names and aliases, filter by status",
    tag,
    query: personaListQuerySchema,
    responses: { 200: { description: "A page of personas", schema: personaListSchema } },
  },
  {
    method: "post",
    path: "/api/personas",
    summary: "Record a persona; with caseId it is attached to that case at once (and visible only through it)",
    tag,
    body: personaCreateSchema,
    responses: { 201: { description: "The persona", schema: personaDetailSchema } },
  },
  {
    method: "get",
    path: "/api/personas/{id}",
    summary: "A persona with its identifiers (and who else holds each), cases, red flags and the risk score explained",
    tag,
    params: personaIdParamsSchema,
    responses: { 200: { description: "The persona", schema: personaDetailSchema } },
  },
  {
    method: "patch",
    path: "/api/personas/{id}",
    summary: "Edit a persona; 409 with the current persona if `version` is stale",
    tag,
    params: personaIdParamsSchema,
    body: personaUpdateSchema,
    responses: { 200: { description: "The persona", schema: personaDetailSchema } },
  },
  {
    method: "post",
    path: "/api/personas/{id}/identifiers",
    summary:
      "Add an identifier (normalised; 400 names the expected format) and get every other persona that already holds it; matches in cases you cannot access are counted, not shown. `sourceEvidenceId` takes an exhibit number (E-001), looked up in the persona's cases you can see (400 when none or more than one has it), or an item id",
    tag,
    params: personaIdParamsSchema,
    body: identifierInputSchema,
    responses: { 201: { description: "The identifier and its matches", schema: personaIdentifierSchema } },
  },
  {
    method: "delete",
    path: "/api/personas/{id}/identifiers/{identifierId}",
    summary: "Remove an identifier from a persona",
    tag,
    params: personaIdentifierParamsSchema,
    responses: { 204: { description: "Removed" } },
  },
  {
    method: "post",
    path: "/api/personas/{id}/red-flags",
    summary: "Record a red flag; the risk score is recomputed",
    tag,
    params: personaIdParamsSchema,
    body: redFlagInputSchema,
    responses: { 201: { description: "The persona", schema: personaDetailSchema } },
  },
  {
    method: "delete",
    path: "/api/personas/{id}/red-flags/{code}",
    summary:
      "Remove a red flag; the risk score is recomputed. A flag the system raised (recordedBy null: SANCTIONS_HIT, REUSED_IDENTIFIER) needs a reason, kept in the audit trail",
    tag,
    params: redFlagParamsSchema,
    query: redFlagRemovalSchema,
    responses: { 200: { description: "The persona", schema: personaDetailSchema } },
  },
  {
    method: "get",
    path: "/api/personas/{id}/links",
    summary: "Explicit links (confirmed and rejected) and suggested links from shared identifiers",
    tag,
    params: personaIdParamsSchema,
    responses: { 200: { description: "Links and suggestions", schema: personaLinksSchema } },
  },
  {
    method: "get",
    path: "/api/personas/{id}/candidates",
    summary:
      "Possible matches: other personas that may be the same operator, scored 0-100 with reasons (names romanisation-aware, email match keys, phones, identifiers weighted by rarity); candidates the reader may not see are a count only; linked or rejected pairs never appear",
    tag,
    params: personaIdParamsSchema,
    responses: { 200: { description: "Candidates, highest score first", schema: candidateListSchema } },
  },
  {
    method: "post",
    path: "/api/personas/{id}/candidates/{otherId}/decision",
    summary:
      "Confirm a possible match (a link that joins the network) or reject it (it never comes back); the reasons at the time are audited. Both personas must be visible",
    tag,
    params: candidateParamsSchema,
    body: candidateDecisionSchema,
    responses: { 201: { description: "The link recorded", schema: linkSchema } },
  },
  {
    method: "get",
    path: "/api/review/candidates",
    summary:
      "The review queue (investigators and admins): open candidate pairs across the personas of the cases the reader works on, highest score first, 20 a page; only pairs whose two personas the reader may see; decided pairs leave it. Nothing is linked until a person confirms",
    tag,
    query: reviewQueueQuerySchema,
    responses: { 200: { description: "A page of candidate pairs", schema: reviewQueueSchema } },
  },
  {
    method: "post",
    path: "/api/persona-links",
    summary:
      "Link two personas (status confirmed), or reject a suggestion (status rejected) so it is not suggested again; a self link or a duplicate answers 400",
    tag,
    body: linkInputSchema,
    responses: { 201: { description: "The link", schema: linkSchema } },
  },
  {
    method: "patch",
    path: "/api/persona-links/{id}",
    summary: "Edit a link (relation, status, confidence, rationale, evidence)",
    tag,
    params: linkIdParamsSchema,
    body: linkUpdateSchema,
    responses: { 200: { description: "The link", schema: linkSchema } },
  },
  {
    method: "delete",
    path: "/api/persona-links/{id}",
    summary: "Delete a link",
    tag,
    params: linkIdParamsSchema,
    responses: { 204: { description: "Deleted" } },
  },
  {
    method: "get",
    path: "/api/cases/{id}/personas",
    summary: "Personas in a case",
    tag,
    params: caseIdParamsSchema,
    responses: {
      200: { description: "Personas with their role", schema: z.object({ items: z.array(casePersonaSchema) }) },
    },
  },
  {
    method: "post",
    path: "/api/cases/{id}/personas",
    summary: "Attach a persona you can see ({ personaId, role }) or create one in the case ({ persona, role })",
    tag,
    params: caseIdParamsSchema,
    body: casePersonaInputSchema,
    responses: { 201: { description: "The persona in the case", schema: casePersonaSchema } },
  },
  {
    method: "delete",
    path: "/api/cases/{id}/personas/{personaId}",
    summary: "Detach a persona from a case (the persona stays; in no case it is visible to every persona reader)",
    tag,
    params: casePersonaParamsSchema,
    responses: { 204: { description: "Detached" } },
  },
];
