// GET /api/health/ready — 200 only while the database and the blob store answer and the process
// is not shutting down, so a load balancer sends traffic only to instances that can serve it.
import { checkReadiness } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { ready, ...checks } = await checkReadiness();
  return Response.json({ status: ready ? "ready" : "unavailable", ...checks }, { status: ready ? 200 : 503 });
}
