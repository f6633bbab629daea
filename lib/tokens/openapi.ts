import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { createdTokenSchema, tokenIdParamsSchema, tokenInputSchema, tokenListQuerySchema, tokenSchema } from "./schema";

export const tokenOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/tokens",
    summary: "List your API tokens (all=true: every token, admin)",
    tag: "Tokens",
    query: tokenListQuerySchema,
    responses: { 200: { description: "Tokens", schema: z.object({ items: z.array(tokenSchema) }) } },
  },
  {
    method: "post",
    path: "/api/tokens",
    summary: "Create an API token; the secret is in the response only",
    tag: "Tokens",
    body: tokenInputSchema,
    responses: { 201: { description: "Created", schema: createdTokenSchema } },
  },
  {
    method: "delete",
    path: "/api/tokens/{id}",
    summary: "Revoke a token",
    tag: "Tokens",
    params: tokenIdParamsSchema,
    responses: { 200: { description: "Revoked", schema: tokenSchema } },
  },
];
