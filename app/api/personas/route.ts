import { json, withActor } from "@/lib/api/handler";
import { listPersonas } from "@/lib/personas/list-personas";
import { createPersona } from "@/lib/personas/create-persona";
import { personaCreateSchema, personaListQuerySchema } from "@/lib/personas/schema";

// GET /api/personas — personas the caller may see, searched, filtered and paged.
export const GET = withActor({ query: personaListQuerySchema }, async ({ actor, query }) =>
  listPersonas({ actor, query }),
);

// POST /api/personas — record a persona, optionally straight into a case.
export const POST = withActor({ permission: "persona:write", body: personaCreateSchema }, async ({ actor, body }) =>
  json(await createPersona({ actor, input: body }), 201),
);
