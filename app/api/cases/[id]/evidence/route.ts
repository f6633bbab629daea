import { json, withActor } from "@/lib/api/handler";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { listEvidence } from "@/lib/evidence/list-evidence";
import { uploadEvidence } from "@/lib/evidence/upload-evidence";

// The upload streams the request body through busboy to disk; it must run on Node.js, per request.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/cases/{id}/evidence — live items in exhibit order.
export const GET = withActor({ params: caseIdParamsSchema }, async ({ actor, params }) =>
  listEvidence({ actor, caseId: params.id }),
);

// POST /api/cases/{id}/evidence — multipart upload of one file with its metadata.
export const POST = withActor({ params: caseIdParamsSchema }, async ({ actor, params, request }) =>
  json(await uploadEvidence({ actor, caseId: params.id, request }), 201),
);
