// GET /api/health — answers only once the database answers and is migrated.
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const healthy = await checkHealth();
  return healthy
    ? Response.json({ status: "ok" })
    : Response.json({ error: { code: "internal", message: "The database is not answering yet" } }, { status: 503 });
}
