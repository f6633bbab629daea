import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { exportShares } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { loadExport } from "@/lib/exports/access";
import { loadShare, toShareView } from "./access";
import type { ShareView } from "./views";

/** Ends a link at once (a download already under way finishes); revoking twice changes nothing. */
export async function revokeShare({
  actor,
  exportId,
  shareId,
}: {
  actor: Actor;
  exportId: string;
  shareId: string;
}): Promise<ShareView> {
  return db.transaction(async (tx) => {
    const pack = await loadExport(tx, actor, exportId, "export:share");
    await loadShare(tx, exportId, shareId);
    const [revoked] = await tx
      .update(exportShares)
      .set({ revokedAt: new Date(), revokedById: actor.id })
      .where(and(eq(exportShares.id, shareId), isNull(exportShares.revokedAt)))
      .returning({ id: exportShares.id, recipient: exportShares.recipient });
    if (revoked)
      await recordAudit(tx, {
        actor,
        action: "export.share_revoke",
        entityType: "export",
        entityId: exportId,
        caseId: pack.row.caseId,
        detail: { shareId, recipient: revoked.recipient },
      });
    return toShareView(await loadShare(tx, exportId, shareId));
  });
}
