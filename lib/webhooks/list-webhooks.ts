import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { users, webhooks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import type { WebhookView } from "./schema";
import { toWebhookView } from "./views";

export async function listWebhooks({ actor }: { actor: Actor }): Promise<{ items: WebhookView[] }> {
  authorize(actor, "webhook:manage");
  const rows = await db
    .select({ webhook: webhooks, createdBy: users.name })
    .from(webhooks)
    .leftJoin(users, eq(users.id, webhooks.createdById))
    .orderBy(desc(webhooks.createdAt));
  return { items: rows.map((r) => toWebhookView(r.webhook, r.createdBy)) };
}
