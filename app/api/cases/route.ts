import { json, withActor } from "@/lib/api/handler";
import { createCase } from "@/lib/cases/create-case";
import { listCases } from "@/lib/cases/list-cases";
import { caseInputSchema, caseListQuerySchema } from "@/lib/cases/schema";

// GET /api/cases — the cases the caller may see, filtered, searched, sorted and paged.
export const GET = withActor({ query: caseListQuerySchema }, async ({ actor, query }) => listCases({ actor, query }));

// POST /api/cases — open a case.
export const POST = withActor({ permission: "case:create", body: caseInputSchema }, async ({ actor, body }) =>
  json(await createCase({ actor, input: body }), 201),
);
