import { withActor } from "@/lib/api/handler";
import { clientIp } from "@/lib/evidence/access";
import { getEvidence } from "@/lib/evidence/get-evidence";
import { deleteEvidence } from "@/lib/evidence/delete-evidence";
import { evidenceIdParamsSchema, reasonSchema } from "@/lib/evidence/schema";

// GET /api/evidence/{id} — metadata only; the bytes are at /content.
export const GET = withActor({ params: evidenceIdParamsSchema }, async ({ actor, params }) =>
  getEvidence({ actor, evidenceId: params.id }),
);

// DELETE /api/evidence/{id} — soft delete with a reason; refused while on legal hold. Whether the
// stored bytes went too is not said: it depends on items in cases the caller may not see.
export const DELETE = withActor(
  { params: evidenceIdParamsSchema, body: reasonSchema },
  async ({ actor, params, body, request }) => {
    await deleteEvidence({ actor, evidenceId: params.id, input: body, ip: clientIp(request) });
    return { deleted: true };
  },
);
