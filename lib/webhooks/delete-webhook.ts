import { eq } from "drizzle-orm";
import { db } from "@/db";
import { webhooks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";

/** Removes an endpoint with its delivery log; deliveries still waiting are never sent. */
export async function deleteWebhook({ actor, id }: { actor: Actor; id: string }): Promise<{ deleted: true }> {
  authorize(actor, "webhook:manage");
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning();
    if (!row) throw AppError.notFound("Webhook");
    await recordAudit(tx, {
      actor,
      action: "webhook.delete",
      entityType: "webhook",
      entityId: id,
      detail: { url: row.url, events: row.events },
    });
    return { deleted: true as const };
  });
}
