// GET /api/openapi.json — the API description, generated from the zod schemas.
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiOperations } from "@/lib/api/operations";
import { appVersion } from "@/lib/version";

export function GET(): Response {
  return Response.json(buildOpenApiDocument(apiOperations, appVersion));
}
