import { json, withActor } from "@/lib/api/handler";
import { startImport } from "@/lib/sanctions/import-list";
import { listSanctionsLists } from "@/lib/sanctions/list-lists";
import { receiveList } from "@/lib/sanctions/receive-list";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/sanctions/lists — imported versions, newest first.
export const GET = withActor({}, async ({ actor }) => listSanctionsLists({ actor }));

// POST /api/sanctions/lists — import a version (admin); 202 while its entries go in.
export const POST = withActor({ permission: "sanctions:import" }, async ({ actor, request }) => {
  const { id } = await startImport(actor, await receiveList(request));
  return json({ id }, 202);
});
