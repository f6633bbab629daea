import type { ApiOperation } from "@/lib/api/openapi";
import { searchQuerySchema } from "./schema";
import { searchResultSchema } from "./views";

export const searchOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/search",
    summary:
      "Search everything you may see: a query that reads as identifiers (a wallet, e-mail, phone in any notation, IBAN, IP, profile URL or domain) finds the personas holding them (in cases you cannot access, only counted) and the evidence mentioning them; words find cases, personas by name or alias (ignoring accents), evidence by title or by its extracted text (only where you may open the evidence), and case notes. Grouped by kind in that order, at most `limit` per kind; snippets carry the ranges to highlight",
    tag: "Search",
    query: searchQuerySchema,
    responses: { 200: { description: "Matches", schema: searchResultSchema } },
  },
];
