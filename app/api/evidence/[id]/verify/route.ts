import { withActor } from "@/lib/api/handler";
import { clientIp } from "@/lib/evidence/access";
import { evidenceIdParamsSchema } from "@/lib/evidence/schema";
import { verifyEvidence } from "@/lib/evidence/verify-evidence";

export const runtime = "nodejs";

// POST /api/evidence/{id}/verify — re-hash the stored bytes and log the outcome.
export const POST = withActor({ params: evidenceIdParamsSchema }, async ({ actor, params, request }) =>
  verifyEvidence({ actor, evidenceId: params.id, ip: clientIp(request) }),
);
