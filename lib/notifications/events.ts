import { and, eq, notInArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { casePersonas, cases, users } from "@/db/schema";
import { notify } from "./notify";
import { caseTeam } from "./recipients";

/*
 * One function per event, called where the event happens, in its transaction. Titles name the
 * case by its reference and title: they are only ever shown to people who may see the case.
 * Webhook data carries ids and what changed only.
 */

async function caseLabel(tx: Tx, caseId: string): Promise<string> {
  const [row] = await tx.select({ ref: cases.ref, title: cases.title }).from(cases).where(eq(cases.id, caseId));
  return row ? `${row.ref} ${row.title}` : "a case";
}

export async function notifyCaseAssigned(tx: Tx, e: { actorId: string; caseId: string; leadId: string }) {
  return notify(tx, "case.assigned", {
    recipients: [e.leadId],
    actorId: e.actorId,
    caseId: e.caseId,
    title: `You lead ${await caseLabel(tx, e.caseId)}`,
    url: `/cases/${e.caseId}`,
    data: { leadId: e.leadId },
  });
}

export async function notifyMemberAdded(tx: Tx, e: { actorId: string; caseId: string; userId: string; role: string }) {
  return notify(tx, "case.member_added", {
    recipients: [e.userId],
    actorId: e.actorId,
    caseId: e.caseId,
    title: `You were added to ${await caseLabel(tx, e.caseId)} as ${e.role}`,
    url: `/cases/${e.caseId}`,
    data: { userId: e.userId, role: e.role },
  });
}

export async function notifyTaskAssigned(
  tx: Tx,
  e: { actorId: string; caseId: string; taskId: string; taskTitle: string; ownerId: string },
) {
  const [kase] = await tx.select({ ref: cases.ref }).from(cases).where(eq(cases.id, e.caseId));
  return notify(tx, "task.assigned", {
    recipients: [e.ownerId],
    actorId: e.actorId,
    caseId: e.caseId,
    title: `Task for you: ${e.taskTitle} (${kase?.ref ?? "case"})`,
    url: `/cases/${e.caseId}?tab=remediation`,
    data: { taskId: e.taskId, ownerId: e.ownerId },
  });
}

export async function notifyExportReady(tx: Tx, e: { exportId: string; caseId: string; exporterId: string | null }) {
  return notify(tx, "export.ready", {
    recipients: e.exporterId ? [e.exporterId] : [],
    caseId: e.caseId,
    title: `Evidence pack ready for ${await caseLabel(tx, e.caseId)}`,
    url: "/exports",
    data: { exportId: e.exportId },
  });
}

/** `@` then an e-mail address or the part of one before the `@` (`@jane.doe`). */
const MENTION = /(?<![\w@.])@([a-z0-9._%+-]+(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?)/gi;

export function mentionedHandles(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1]!.toLowerCase().replace(/\.+$/, "")))];
}

/** People named in a note with `@name`; those who may not see the case are not told. */
export async function notifyMentions(tx: Tx, e: { actorId: string; caseId: string; noteId: string; body: string }) {
  const handles = mentionedHandles(e.body);
  if (handles.length === 0) return null;
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.disabled, false));
  const named = people.filter((p) => {
    const email = p.email.toLowerCase();
    return handles.includes(email) || handles.includes(email.split("@")[0]!);
  });
  if (named.length === 0) return null;
  return notify(tx, "note.mention", {
    recipients: named.map((p) => p.id),
    actorId: e.actorId,
    caseId: e.caseId,
    title: `You were mentioned in a note on ${await caseLabel(tx, e.caseId)}`,
    url: `/cases/${e.caseId}`,
    data: { noteId: e.noteId },
  });
}

const flagEvents = { REUSED_IDENTIFIER: "persona.correlation", SANCTIONS_HIT: "persona.hit" } as const;

/** A new correlation or sanctions flag: told to the team of each open case holding the persona. */
export async function notifyPersonaFlag(tx: Tx, e: { personaId: string; code: string }) {
  const event = flagEvents[e.code as keyof typeof flagEvents];
  if (!event) return;
  const open = await tx
    .select({ caseId: cases.id, ref: cases.ref })
    .from(casePersonas)
    .innerJoin(cases, eq(cases.id, casePersonas.caseId))
    .where(and(eq(casePersonas.personaId, e.personaId), notInArray(cases.status, ["closed", "cleared"])));
  for (const c of open)
    await notify(tx, event, {
      recipients: await caseTeam(tx, c.caseId),
      caseId: c.caseId,
      title:
        event === "persona.hit"
          ? `Sanctions hit on a persona in ${c.ref}`
          : `A persona in ${c.ref} shares an identifier with a confirmed persona`,
      url: `/personas/${e.personaId}`,
      data: { personaId: e.personaId, flag: e.code },
    });
}
