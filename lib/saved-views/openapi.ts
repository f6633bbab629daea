import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { savedViewIdParamsSchema, savedViewInputSchema, savedViewListSchema, savedViewSchema } from "./schema";

const tag = "Saved views";

export const savedViewOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/views",
    summary: "Your saved case-list views, then those others share with everyone, each by name",
    tag,
    responses: { 200: { description: "Saved views", schema: savedViewListSchema } },
  },
  {
    method: "post",
    path: "/api/views",
    summary:
      "Save a case-list filter (the list's query string, checked like GET /api/cases, page dropped) under a name unique among yours; shared: everyone sees it beside their case list, each within the cases they may see",
    tag,
    body: savedViewInputSchema,
    responses: { 201: { description: "The saved view", schema: savedViewSchema } },
  },
  {
    method: "delete",
    path: "/api/views/{id}",
    summary: "Delete one of your saved views (403 for a view someone else shares)",
    tag,
    params: savedViewIdParamsSchema,
    responses: { 200: { description: "Deleted", schema: z.object({ deleted: z.literal(true) }) } },
  },
];
