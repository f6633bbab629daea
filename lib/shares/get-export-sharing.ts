import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { loadExport, toExportView } from "@/lib/exports/access";
import type { ExportView } from "@/lib/exports/views";

/** A pack the actor may read, and whether they may share it (a finished pack, legal or admin on the case). */
export async function getExportSharing({
  actor,
  exportId,
}: {
  actor: Actor;
  exportId: string;
}): Promise<{ pack: ExportView; canShare: boolean }> {
  const found = await loadExport(db, actor, exportId);
  const pack = toExportView(found);
  return { pack, canShare: pack.status === "done" && can(actor, "export:share", { case: found.access }) };
}
