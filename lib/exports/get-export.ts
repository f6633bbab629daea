import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadExport, toExportView } from "./access";
import type { ExportView } from "./views";

export async function getExport({ actor, exportId }: { actor: Actor; exportId: string }): Promise<ExportView> {
  return toExportView(await loadExport(db, actor, exportId));
}
