import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { notifications, users } from "@/db/schema";
import type { JobHandler } from "@/lib/jobs/handlers";
import { appLink, mailConfigured, sendMail } from "./mailer";
import { allowedRecipients } from "./recipients";

const footer = "\n\n-- \nCasework. Choose what you are told, and how, on your Account page.";

/** Keeps the notifications whose case the person may still see at the moment of sending. */
async function stillAllowed<T extends { caseId: string | null }>(userId: string, rows: T[]): Promise<T[]> {
  const out: T[] = [];
  for (const row of rows) if ((await allowedRecipients(db, row.caseId, [userId])).length > 0) out.push(row);
  return out;
}

/** `notification.email`: one notification by e-mail, once (keyed by the notification). */
export const emailNotificationHandler: JobHandler = {
  concurrency: 2,
  async run({ job }) {
    if (!mailConfigured()) return;
    const [row] = await db
      .select({ n: notifications, email: users.email })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(and(eq(notifications.id, job.key), isNull(notifications.emailedAt)));
    if (!row) return;
    const [allowed] = await stillAllowed(row.n.userId, [row.n]);
    if (allowed)
      await sendMail({ to: row.email, subject: row.n.title, text: `${row.n.title}\n\n${appLink(row.n.url)}${footer}` });
    await db.update(notifications).set({ emailedAt: new Date() }).where(eq(notifications.id, row.n.id));
  },
};

/**
 * `notification.digest` (daily): one e-mail per person with everything waiting for the digest.
 * The schedule gives one job per day, so several instances send it once.
 */
export const emailDigestHandler: JobHandler = {
  concurrency: 1,
  async run() {
    if (!mailConfigured()) return;
    const waiting = await db
      .select({ n: notifications, email: users.email, disabled: users.disabled })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(and(eq(notifications.digest, true), isNull(notifications.emailedAt)))
      .orderBy(notifications.userId, notifications.createdAt);
    const byUser = new Map<string, typeof waiting>();
    for (const row of waiting) byUser.set(row.n.userId, [...(byUser.get(row.n.userId) ?? []), row]);
    for (const [userId, rows] of byUser) {
      const first = rows[0]!;
      const allowed = first.disabled
        ? []
        : await stillAllowed(
            userId,
            rows.map((r) => r.n),
          );
      if (allowed.length > 0) {
        const lines = allowed.map((n) => `- ${n.title}\n  ${appLink(n.url)}`).join("\n");
        await sendMail({
          to: first.email,
          subject: `Casework: ${allowed.length} notification${allowed.length === 1 ? "" : "s"} today`,
          text: `What happened in your cases since the last digest:\n\n${lines}${footer}`,
        });
      }
      await db
        .update(notifications)
        .set({ emailedAt: new Date() })
        .where(
          inArray(
            notifications.id,
            rows.map((r) => r.n.id),
          ),
        );
    }
  },
};
