import type { ApiOperation } from "@/lib/api/openapi";
import { evidenceIdParamsSchema } from "@/lib/evidence/schema";
import { textQuerySchema } from "./schema";
import { evidenceTextSchema, mentionListSchema } from "./views";

const tag = "Evidence";

export const intakeOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/evidence/{id}/text",
    summary:
      "The text read from the item in the background after upload: status pending, done, partial (a time, page, size or memory limit stopped it; the reason says which), unsupported or failed, and the text by page (PDF pages, an e-mail's message and each attachment, a workbook's sheets); `?page=N` for one page. Needs the right to read the item's content",
    tag,
    params: evidenceIdParamsSchema,
    query: textQuerySchema,
    responses: { 200: { description: "Status and pages", schema: evidenceTextSchema } },
  },
  {
    method: "get",
    path: "/api/evidence/{id}/mentions",
    summary:
      "Identifiers the item's text mentions (e-mails, phones in the organisation's region, checksummed wallets, IBANs, IP addresses, domains, profile handles from URLs), normalised as everywhere else, most frequent first, with where they occur and the personas already holding them (in cases you cannot access only counted)",
    tag,
    params: evidenceIdParamsSchema,
    responses: { 200: { description: "Mentions", schema: mentionListSchema } },
  },
];
