import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { personaIdParamsSchema } from "@/lib/personas/schema";
import {
  dismissalParamsSchema,
  dismissHitSchema,
  sanctionsHitSchema,
  sanctionsHitsSchema,
  sanctionsListsSchema,
} from "./views";

const tag = "Sanctions";

export const sanctionsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/sanctions/lists",
    summary: "Imported list versions, newest first: source, publication date, file SHA-256, entries, status",
    tag,
    responses: { 200: { description: "The versions", schema: sanctionsListsSchema } },
  },
  {
    method: "post",
    path: "/api/sanctions/lists",
    summary:
      "Import a list version (admin) as multipart/form-data: `file`, `source` (ofac_sdn_csv | ftm), for OFAC optionally `alt` (alt.csv) and `add` (add.csv), `publishedAt` (YYYY-MM-DD, else read from the file name). Answers at once; the entries go in afterwards (status importing, then done or failed). The same files again answer the version already imported",
    tag,
    responses: { 202: { description: "The version being imported", schema: z.object({ id: z.uuid() }) } },
  },
  {
    method: "get",
    path: "/api/personas/{id}/sanctions",
    summary:
      "Entries of the current list versions that hold one of the persona's identifiers (wallets, e-mails, domains, documents by keyed hash), with what matched and the list version",
    tag,
    params: personaIdParamsSchema,
    responses: { 200: { description: "The hits", schema: sanctionsHitsSchema } },
  },
  {
    method: "post",
    path: "/api/personas/{id}/sanctions/dismissals",
    summary:
      "Mark the persona's hit on one list entry (source and entNum) a false positive, with the reason. It stays dismissed on later screenings and list versions while nothing new matches that entry. A name hit: an investigator working on the persona's case, legal, a manager or an admin; an exact wallet or document hit: a manager or an admin",
    tag,
    params: personaIdParamsSchema,
    body: dismissHitSchema,
    responses: { 201: { description: "The hit, dismissed", schema: sanctionsHitSchema } },
  },
  {
    method: "delete",
    path: "/api/personas/{id}/sanctions/dismissals/{dismissalId}",
    summary: "Open a dismissed hit again; the dismissal stays on record, marked re-opened",
    tag,
    params: dismissalParamsSchema,
    responses: {
      200: {
        description: "The dismissal, re-opened",
        schema: z.object({ id: z.uuid(), reopenedAt: z.iso.datetime() }),
      },
    },
  },
];
