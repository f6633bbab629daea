// PATCH /api/notes/{id} — the author edits their note; the old text is kept.
import { withActor } from "@/lib/api/handler";
import { updateNote } from "@/lib/cases/update-note";
import { noteIdParamsSchema, noteInputSchema } from "@/lib/cases/schema";

export const PATCH = withActor({ params: noteIdParamsSchema, body: noteInputSchema }, async ({ actor, params, body }) =>
  updateNote({ actor, noteId: params.id, input: body }),
);
