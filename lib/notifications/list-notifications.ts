import { and, count, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { visibleCaseIds } from "@/lib/cases/access";
import type { NotificationEvent } from "./constants";
import type { Inbox } from "./schema";

/**
 * The reader's in-app notifications. Those about a case the reader can no longer see are left
 * out, so losing access to a case also hides what they were told about it.
 */
export function inboxOf(actor: Actor): SQL {
  const visible = visibleCaseIds(actor);
  return and(
    eq(notifications.userId, actor.id),
    eq(notifications.inApp, true),
    visible ? or(isNull(notifications.caseId), sql`${notifications.caseId} in (${visible})`) : undefined,
  )!;
}

export async function listNotifications({
  actor,
  limit = 50,
  unreadOnly = false,
}: {
  actor: Actor;
  limit?: number;
  unreadOnly?: boolean;
}): Promise<Inbox> {
  const unreadWhere = and(inboxOf(actor), isNull(notifications.readAt));
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(unreadOnly ? unreadWhere : inboxOf(actor))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit),
    db.select({ n: count() }).from(notifications).where(unreadWhere),
  ]);
  return {
    items: rows.map((n) => ({
      id: n.id,
      event: n.event as NotificationEvent,
      title: n.title,
      url: n.url,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    unread: Number(unread?.n ?? 0),
  };
}
