// GET /api/metrics — Prometheus metrics of this instance (and the shared job queue), for a
// scraper holding METRICS_TOKEN as a bearer token; without METRICS_TOKEN set it does not exist.
import { timingSafeEqual } from "node:crypto";
import { errorBody } from "@/lib/errors";
import { env } from "@/lib/env";
import { renderMetrics } from "@/lib/ops/metrics";

export const dynamic = "force-dynamic";

function tokenMatches(header: string | null, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function GET(request: Request): Promise<Response> {
  const token = env.METRICS_TOKEN;
  if (!token) return Response.json(errorBody("not_found", "Not found"), { status: 404 });
  if (!tokenMatches(request.headers.get("authorization"), token))
    return Response.json(errorBody("unauthorized", "Send the metrics token (Authorization: Bearer …)"), {
      status: 401,
      headers: { "www-authenticate": "Bearer" },
    });
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType } });
}
