import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { importIdParamsSchema } from "./schema";
import { importSchema } from "./views";

const tag = "Personas";

export const importOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/imports",
    summary:
      'Import people and identifiers from an applicant-tracking or HR export, as multipart/form-data: `file` (CSV in UTF-8 or XLSX, first sheet, header row first), `mapping` (JSON such as `{"source":"greenhouse","key":"applicant_id","columns":{"full_name":"displayName","email":"email","mobile":"phone"}}`: each column header to a persona field (displayName, aliases, claimedLocation, claimedTimezone, claimedNationality, notes) or an identifier type; `key` names the column of the source system\'s id), `dryRun` (true: report per row what would be created, matched or refused, writing nothing), optional `caseId` (investigators working the case and admins; without one, admins only, into the shared directory) and `phoneRegion` (else the organisation\'s). Rows are keyed by source and id: the same file again matches every row and changes nothing. A real import into a case keeps the file as an exhibit with its SHA-256 (the exhibit already holding the same bytes is reused). The mapping is remembered per source. Answers at once; the rows go in in the background',
    tag,
    responses: { 202: { description: "The import being run", schema: z.object({ id: z.uuid() }) } },
  },
  {
    method: "get",
    path: "/api/imports/{id}",
    summary:
      "An import's status (queued, running, done, failed), progress per mille, counts of rows created, matched and refused, each refused row's errors with row and column, and per row what happened (or in a dry run would happen) with the correlation hits of its identifiers",
    tag,
    params: importIdParamsSchema,
    responses: { 200: { description: "The import", schema: importSchema } },
  },
];
