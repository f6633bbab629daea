import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { createExportBodySchema, exportIdParamsSchema, exportListQuerySchema } from "./schema";
import { exportCreatedSchema, exportListSchema, exportSchema } from "./views";

const tag = "Exports";

export const exportOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/cases/{id}/exports",
    summary:
      "Start building an evidence pack of the case (legal and admins on any case they see, leads on their own); poll GET /api/exports/{id}",
    tag,
    params: caseIdParamsSchema,
    body: createExportBodySchema,
    responses: { 202: { description: "Queued; the pack builds in the background", schema: exportCreatedSchema } },
  },
  {
    method: "get",
    path: "/api/exports",
    summary: "Exports of the cases whose packs you may read, newest first",
    tag,
    query: exportListQuerySchema,
    responses: { 200: { description: "A page of exports", schema: exportListSchema } },
  },
  {
    method: "get",
    path: "/api/exports/{id}",
    summary: "An export's status, progress (per mille), size and SHA-256s",
    tag,
    params: exportIdParamsSchema,
    responses: { 200: { description: "The export", schema: exportSchema } },
  },
  {
    method: "get",
    path: "/api/exports/{id}/download",
    summary: "The pack as a ZIP (Range supported; ETag and Repr-Digest carry its SHA-256); 409 until it is done",
    tag,
    params: exportIdParamsSchema,
    responses: {
      200: { description: "The whole pack", schema: z.string().describe("binary"), contentType: "application/zip" },
      206: {
        description: "One byte range of the pack",
        schema: z.string().describe("binary"),
        contentType: "application/zip",
      },
    },
  },
];
