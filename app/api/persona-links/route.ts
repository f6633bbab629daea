// POST /api/persona-links — link two personas, or reject a suggested link.
import { json, withActor } from "@/lib/api/handler";
import { createLink } from "@/lib/personas/create-link";
import { linkInputSchema } from "@/lib/personas/schema";

export const POST = withActor({ permission: "persona:write", body: linkInputSchema }, async ({ actor, body }) =>
  json(await createLink({ actor, input: body }), 201),
);
