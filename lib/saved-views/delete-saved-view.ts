import { eq } from "drizzle-orm";
import { db } from "@/db";
import { savedViews } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";

/**
 * Deletes one of the actor's own views. Someone else's private view answers not_found (its
 * existence is not the actor's to know); a view another person shares answers forbidden.
 */
export async function deleteSavedView({ actor, viewId }: { actor: Actor; viewId: string }): Promise<void> {
  authorize(actor, "case:list");
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(savedViews).where(eq(savedViews.id, viewId)).for("update");
    if (!row || (row.ownerId !== actor.id && !row.shared)) throw AppError.notFound("Saved view");
    if (row.ownerId !== actor.id) throw new AppError("forbidden", "Only the person who saved a view can delete it");
    await tx.delete(savedViews).where(eq(savedViews.id, viewId));
    await recordAudit(tx, {
      actor,
      action: "saved_view.delete",
      entityType: "saved_view",
      entityId: viewId,
      detail: { name: row.name, query: row.query, shared: row.shared },
    });
  });
}
