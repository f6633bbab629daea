import type { ApiOperation } from "@/lib/api/openapi";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { personaIdParamsSchema } from "@/lib/personas/schema";
import { graphQuerySchema, networksQuerySchema, screenInputSchema } from "./schema";
import { graphSchema, networkListSchema, screenResponseSchema } from "./views";

const tag = "Graph";

export const graphOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/personas/{id}/graph",
    summary:
      "The persona's neighbourhood, depth 1 to 3 persona hops (other values answer 400): persona and identifier nodes, shared-identifier and explicit-link edges",
    tag,
    params: personaIdParamsSchema,
    query: graphQuerySchema,
    responses: { 200: { description: "Nodes and edges", schema: graphSchema } },
  },
  {
    method: "get",
    path: "/api/cases/{id}/graph",
    summary: "The case's personas, their identifiers and the personas you may see one hop beyond",
    tag,
    params: caseIdParamsSchema,
    responses: { 200: { description: "Nodes and edges", schema: graphSchema } },
  },
  {
    method: "get",
    path: "/api/networks",
    summary:
      "Networks (connected components of personas you may see, joined by shared identifiers or confirmed links), largest first; cached up to 30 s",
    tag,
    query: networksQuerySchema,
    responses: { 200: { description: "A page of networks", schema: networkListSchema } },
  },
  {
    method: "post",
    path: "/api/screen",
    summary:
      "Screen up to 10,000 identifiers against known personas (investigators, legal, admins); rows are normalised one by one, hits follow the need-to-know rule. Each row also gets its sanctions hits on the current list versions (wallets, e-mails, domains, documents exactly; rows of type `name` by name, against the lists only), and `sanctionsLists` names the versions screened against",
    tag,
    body: screenInputSchema,
    responses: { 200: { description: "One result per input row, in order", schema: screenResponseSchema } },
  },
];
