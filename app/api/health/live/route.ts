// GET /api/health/live — the process is up and serving (for restarts; checks nothing else).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" });
}
