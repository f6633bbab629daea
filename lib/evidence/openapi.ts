import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { contentQuerySchema, custodyQuerySchema, evidenceIdParamsSchema, reasonSchema } from "./schema";
import {
  custodyEventSchema,
  evidenceListSchema,
  evidenceSchema,
  uploadedEvidenceSchema,
  verifyResultSchema,
} from "./views";

const tag = "Evidence";

export const evidenceOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/cases/{id}/evidence",
    summary: "Live evidence of a case in exhibit order",
    tag,
    params: caseIdParamsSchema,
    responses: { 200: { description: "Items and whether you may upload", schema: evidenceListSchema } },
  },
  {
    method: "post",
    path: "/api/cases/{id}/evidence",
    summary:
      "Upload one file as multipart/form-data: `file` plus optional title, kind, description, collectedAt, collectedBy, source. Streamed and hashed (SHA-256) as it arrives; 413 over the size limit; 400 for an empty file, no file or two files",
    tag,
    params: caseIdParamsSchema,
    responses: {
      201: {
        description:
          "The new item with its exhibit number and hash. `duplicateOf` names the earliest live exhibit of the same case with identical bytes (never one of another case); keep the new item with POST /api/evidence/{id}/keep or drop it with DELETE /api/evidence/{id}",
        schema: uploadedEvidenceSchema,
      },
    },
  },
  {
    method: "get",
    path: "/api/evidence/{id}",
    summary: "Metadata of one item",
    tag,
    params: evidenceIdParamsSchema,
    responses: { 200: { description: "The item", schema: evidenceSchema } },
  },
  {
    method: "delete",
    path: "/api/evidence/{id}",
    summary: "Soft-delete an item not on legal hold (case lead or admin); 409 while on hold",
    tag,
    params: evidenceIdParamsSchema,
    body: reasonSchema,
    responses: { 200: { description: "Deleted", schema: z.object({ deleted: z.literal(true) }) } },
  },
  {
    method: "get",
    path: "/api/evidence/{id}/content",
    summary:
      "The bytes (a custody event per read). Attachment unless `inline=1` for images, PDF and text; HTTP Range supported; a whole-file read is re-hashed and cut off on mismatch",
    tag,
    params: evidenceIdParamsSchema,
    query: contentQuerySchema,
    responses: {
      200: { description: "The bytes", contentType: "application/octet-stream" },
      206: { description: "A range of the bytes" },
      416: { description: "Range outside the file" },
    },
  },
  {
    method: "get",
    path: "/api/evidence/{id}/custody",
    summary: "Chain of custody, oldest first; CSV with `Accept: text/csv` or `format=csv`",
    tag,
    params: evidenceIdParamsSchema,
    query: custodyQuerySchema,
    responses: {
      200: {
        description: "Custody events",
        schema: z.object({ exhibitNo: z.string(), items: z.array(custodyEventSchema) }),
      },
    },
  },
  {
    method: "post",
    path: "/api/evidence/{id}/keep",
    summary:
      "Keep an item identical to another live exhibit of its case as its own exhibit, with the reason (recorded once in custody and audit; whoever may upload to the case). 409 when no other exhibit holds the same bytes or a reason is already recorded",
    tag,
    params: evidenceIdParamsSchema,
    body: reasonSchema,
    responses: { 200: { description: "The item", schema: evidenceSchema } },
  },
  {
    method: "post",
    path: "/api/evidence/{id}/verify",
    summary: "Recompute the SHA-256 of the stored bytes and log the outcome",
    tag,
    params: evidenceIdParamsSchema,
    responses: { 200: { description: "Result", schema: verifyResultSchema } },
  },
  {
    method: "post",
    path: "/api/evidence/{id}/hold",
    summary: "Place a legal hold (legal members, admins)",
    tag,
    params: evidenceIdParamsSchema,
    body: reasonSchema,
    responses: { 200: { description: "The item", schema: evidenceSchema } },
  },
  {
    method: "delete",
    path: "/api/evidence/{id}/hold",
    summary: "Release a legal hold (legal members, admins)",
    tag,
    params: evidenceIdParamsSchema,
    body: reasonSchema,
    responses: { 200: { description: "The item", schema: evidenceSchema } },
  },
];
