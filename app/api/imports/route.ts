import { json, withActor } from "@/lib/api/handler";
import { clientIp } from "@/lib/evidence/access";
import { receiveImport } from "@/lib/imports/receive-import";
import { startImport } from "@/lib/imports/start-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/imports — a CSV or XLSX export of people and identifiers (or its dry run); 202 while its rows go in.
export const POST = withActor({ roles: ["admin", "investigator"] }, async ({ actor, request }) => {
  const started = await startImport({ actor, received: await receiveImport(request), ip: clientIp(request) });
  return json(started, 202);
});
