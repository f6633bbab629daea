import { json, withActor } from "@/lib/api/handler";
import { createNote } from "@/lib/cases/create-note";
import { listNotes } from "@/lib/cases/list-notes";
import { caseIdParamsSchema, noteInputSchema, pageQuerySchema } from "@/lib/cases/schema";

// GET /api/cases/{id}/notes — newest first.
export const GET = withActor({ params: caseIdParamsSchema, query: pageQuerySchema }, async ({ actor, params, query }) =>
  listNotes({ actor, caseId: params.id, page: query }),
);

// POST /api/cases/{id}/notes — add a Markdown note.
export const POST = withActor({ params: caseIdParamsSchema, body: noteInputSchema }, async ({ actor, params, body }) =>
  json(await createNote({ actor, caseId: params.id, input: body }), 201),
);
