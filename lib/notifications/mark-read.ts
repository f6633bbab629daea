import { and, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError, parseOrThrow } from "@/lib/errors";
import { inboxOf } from "./list-notifications";
import { type MarkReadInput, markReadSchema } from "./schema";

/**
 * Marks the reader's own notifications read: the given ones, or all. Reading one's inbox changes
 * nothing anyone else sees, so it is not audited.
 */
export async function markRead({ actor, input }: { actor: Actor; input: MarkReadInput }): Promise<{ marked: number }> {
  const data = parseOrThrow(markReadSchema, input);
  if (data.ids?.length === 0) return { marked: 0 };
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(inboxOf(actor), isNull(notifications.readAt), data.ids ? inArray(notifications.id, data.ids) : undefined),
    )
    .returning({ id: notifications.id });
  return { marked: rows.length };
}

/** Marks one notification read; another person's (or one not there) is not found. */
export async function markOneRead({ actor, id }: { actor: Actor; id: string }): Promise<{ marked: number }> {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(inboxOf(actor), inArray(notifications.id, [id])));
  if (!row) throw AppError.notFound("Notification");
  return markRead({ actor, input: { ids: [id] } });
}
