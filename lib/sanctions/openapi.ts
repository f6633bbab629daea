import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { personaIdParamsSchema } from "@/lib/personas/schema";
import { sanctionsHitsSchema, sanctionsListsSchema } from "./views";

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
];
