import type { ApiOperation } from "@/lib/api/openapi";
import { exportIdParamsSchema } from "@/lib/exports/schema";
import { shareInputSchema, shareParamsSchema } from "./schema";
import { createdShareSchema, shareListSchema, shareSchema } from "./views";

const tag = "Exports";

export const shareOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/exports/{id}/shares",
    summary:
      "A link for one outside recipient to download this finished pack without an account (legal and admins who see the case); the link and the optional one-time code are in this answer only. The recipient's page is /share/{token}: each download is recorded in the audit trail and, with referralId, in that referral's disclosure log; a revoked, expired or used-up link answers 410",
    tag,
    params: exportIdParamsSchema,
    body: shareInputSchema,
    responses: { 201: { description: "The link, shown once", schema: createdShareSchema } },
  },
  {
    method: "get",
    path: "/api/exports/{id}/shares",
    summary: "The pack's share links, newest first, with their status and downloads",
    tag,
    params: exportIdParamsSchema,
    responses: { 200: { description: "The links", schema: shareListSchema } },
  },
  {
    method: "delete",
    path: "/api/exports/{id}/shares/{shareId}",
    summary: "Revoke a share link at once (its page answers 410 from then on)",
    tag,
    params: shareParamsSchema,
    responses: { 200: { description: "The revoked link", schema: shareSchema } },
  },
];
