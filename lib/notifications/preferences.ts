import { eq } from "drizzle-orm";
import { db } from "@/db";
import { notificationPreferences } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { parseOrThrow } from "@/lib/errors";
import { notificationEvents } from "./constants";
import { type Preferences, type PreferencesInput, preferencesInputSchema } from "./schema";

/** The reader's choice for every event, the defaults where they made none. */
export async function getPreferences({ actor }: { actor: Actor }): Promise<Preferences> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.id));
  const byEvent = new Map(rows.map((r) => [r.event, r]));
  return {
    items: notificationEvents.map((event) => {
      const row = byEvent.get(event);
      return { event, inApp: row?.inApp ?? true, email: row?.email ?? "immediate" };
    }),
    emailAvailable: env.SMTP_URL !== undefined,
  };
}

/** Saves the reader's choices for the events given; the others keep theirs. */
export async function putPreferences({
  actor,
  input,
}: {
  actor: Actor;
  input: PreferencesInput;
}): Promise<Preferences> {
  const data = parseOrThrow(preferencesInputSchema, input);
  await db.transaction(async (tx) => {
    for (const item of data.items)
      await tx
        .insert(notificationPreferences)
        .values({ userId: actor.id, ...item })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.event],
          set: { inApp: item.inApp, email: item.email },
        });
    await recordAudit(tx, {
      actor,
      action: "notification.preferences_update",
      entityType: "user",
      entityId: actor.id,
      detail: { items: data.items },
    });
  });
  return getPreferences({ actor });
}
