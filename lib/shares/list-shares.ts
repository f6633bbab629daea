import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { exportShares } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadExport } from "@/lib/exports/access";
import { selectShares, toShareView } from "./access";
import type { ShareView } from "./views";

/** The links made for one pack, newest first, with their downloads; for those who may share it. */
export async function listShares({ actor, exportId }: { actor: Actor; exportId: string }): Promise<ShareView[]> {
  await loadExport(db, actor, exportId, "export:share");
  const rows = await selectShares(db).where(eq(exportShares.exportId, exportId)).orderBy(desc(exportShares.createdAt));
  return rows.map(toShareView);
}
