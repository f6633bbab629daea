import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, ready } from "@/db";
import { jobs, notifications, referrals } from "@/db/schema";
import * as inboxRoute from "@/app/api/notifications/route";
import * as readAllRoute from "@/app/api/notifications/read/route";
import * as readOneRoute from "@/app/api/notifications/[id]/read/route";
import * as prefsRoute from "@/app/api/notifications/preferences/route";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { createNote } from "@/lib/cases/create-note";
import { removeMember } from "@/lib/cases/remove-member";
import { updateCase } from "@/lib/cases/update-case";
import { queueScheduledJobs, schedules } from "@/lib/jobs/schedule";
import { createTask } from "@/lib/remediation/create-task";
import { makeCase } from "@/lib/testing/cases";
import { call, type Who, who } from "@/lib/testing/routes";
import { remindReferrals, remindTasks } from "./reminders";

let lead: Who;
let member: Who;
let outsider: Who;

beforeAll(async () => {
  await ready();
  [lead, member, outsider] = await Promise.all([
    who("investigator", "Lead Person"),
    who("investigator", "Member Person"),
    who("investigator", "Outside Person"),
  ]);
});

const inbox = async (caller: Who) => {
  const res = await call(inboxRoute.GET, "GET", "/api/notifications", caller);
  expect(res.status).toBe(200);
  return res.body as {
    items: { id: string; event: string; title: string; url: string; readAt: string | null }[];
    unread: number;
  };
};
const handle = (actor: Actor) => actor.email.split("@")[0]!;

describe("notifications", () => {
  it("tells a person added to a case, given a task or mentioned, never one who may not see the case", async () => {
    const kase = await makeCase(lead.actor);
    const before = (await inbox(member)).unread;
    await addMember({ actor: lead.actor, caseId: kase.id, input: { userId: member.actor.id } });
    await createTask({
      actor: lead.actor,
      caseId: kase.id,
      input: { kind: "revoke_access", title: "Revoke VPN", ownerId: member.actor.id },
    });
    await createNote({
      actor: lead.actor,
      caseId: kase.id,
      input: { body: `@${handle(member.actor)} please check, and @${outsider.actor.email} too` },
    });

    const mine = await inbox(member);
    expect(mine.unread).toBe(before + 3);
    expect(mine.items.slice(0, 3).map((n) => n.event)).toEqual(["note.mention", "task.assigned", "case.member_added"]);
    expect(mine.items[2]).toMatchObject({
      title: expect.stringContaining(kase.ref),
      url: `/cases/${kase.id}`,
      readAt: null,
    });
    // Mentioned, but not on the case: told nothing. The lead is never told of their own doing.
    expect((await inbox(outsider)).items.filter((n) => n.url.includes(kase.id))).toEqual([]);
    expect((await inbox(lead)).items.filter((n) => n.url.includes(kase.id))).toEqual([]);

    // Removed from the case: what they were told about it leaves their inbox.
    await removeMember({ actor: lead.actor, caseId: kase.id, userId: member.actor.id });
    const after = await inbox(member);
    expect(after.items.filter((n) => n.url.includes(kase.id))).toEqual([]);
    expect(after.unread).toBe(before);
  });

  it("tells the new lead when a case is handed over", async () => {
    const kase = await makeCase(lead.actor);
    await updateCase({ actor: lead.actor, caseId: kase.id, input: { version: kase.version, leadId: member.actor.id } });
    expect((await inbox(member)).items[0]).toMatchObject({ event: "case.assigned", url: `/cases/${kase.id}` });
  });

  it("marks one read, then all, and answers 404 for someone else's", async () => {
    const kase = await makeCase(lead.actor);
    await addMember({ actor: lead.actor, caseId: kase.id, input: { userId: outsider.actor.id } });
    await createNote({ actor: lead.actor, caseId: kase.id, input: { body: `@${handle(outsider.actor)}` } });
    const { items, unread } = await inbox(outsider);
    expect(unread).toBeGreaterThanOrEqual(2);
    const first = items[0]!;
    const other = await call(readOneRoute.POST, "POST", `/api/notifications/${first.id}/read`, member, undefined, {
      id: first.id,
    });
    expect(other.status).toBe(404);
    const one = await call(readOneRoute.POST, "POST", `/api/notifications/${first.id}/read`, outsider, undefined, {
      id: first.id,
    });
    expect(one.body).toEqual({ marked: 1 });
    const afterOne = await inbox(outsider);
    expect(afterOne.unread).toBe(unread - 1);
    expect(afterOne.items[0]!.readAt).not.toBeNull();
    const all = await call(readAllRoute.POST, "POST", "/api/notifications/read", outsider, {});
    expect(all.body).toEqual({ marked: unread - 1 });
    expect((await inbox(outsider)).unread).toBe(0);
  });

  it("keeps preferences per event: in-app off means nothing in the inbox", async () => {
    const me = await who("investigator");
    const prefs = await call(prefsRoute.GET, "GET", "/api/notifications/preferences", me);
    expect(prefs.body.items).toContainEqual({ event: "task.assigned", inApp: true, email: "immediate" });
    const bad = await call(prefsRoute.PUT, "PUT", "/api/notifications/preferences", me, {
      items: [{ event: "task.nope", inApp: false, email: "off" }],
    });
    expect(bad.status).toBe(400);
    const put = await call(prefsRoute.PUT, "PUT", "/api/notifications/preferences", me, {
      items: [{ event: "task.assigned", inApp: false, email: "daily" }],
    });
    expect(put.status).toBe(200);
    expect(put.body.items).toContainEqual({ event: "task.assigned", inApp: false, email: "daily" });

    const kase = await makeCase(lead.actor);
    await addMember({ actor: lead.actor, caseId: kase.id, input: { userId: me.actor.id } });
    await createTask({
      actor: lead.actor,
      caseId: kase.id,
      input: { kind: "other", title: "Quiet", ownerId: me.actor.id },
    });
    expect((await inbox(me)).items.map((n) => n.event)).toEqual(["case.member_added"]);
  });

  it("sends each task and referral reminder once, however often and concurrently the job runs", async () => {
    const kase = await makeCase(lead.actor);
    await addMember({ actor: lead.actor, caseId: kase.id, input: { userId: member.actor.id } });
    const now = new Date("2026-12-02T10:00:00Z"); // a Wednesday
    const tomorrow = await createTask({
      actor: lead.actor,
      caseId: kase.id,
      input: { kind: "other", title: "Due tomorrow", ownerId: member.actor.id, dueAt: "2026-12-03" },
    });
    const late = await createTask({
      actor: lead.actor,
      caseId: kase.id,
      input: { kind: "other", title: "Late", ownerId: member.actor.id, dueAt: "2026-12-01" },
    });
    const [referral] = await db
      .insert(referrals)
      .values({ caseId: kase.id, destination: "ofac_vsd", deadlineAt: new Date("2026-12-04T23:59:59.999Z") })
      .returning();

    await Promise.all([remindTasks(now), remindTasks(now), remindReferrals(now), remindReferrals(now)]);
    await remindTasks(now);
    const told = (userId: string) =>
      db
        .select({ event: notifications.event, key: notifications.key, title: notifications.title })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.caseId, kase.id)))
        .orderBy(asc(notifications.createdAt), asc(notifications.id));
    const memberGot = (await told(member.actor.id)).filter((n) => n.key);
    expect(memberGot.map((n) => n.event).sort()).toEqual(["task.due_tomorrow", "task.overdue"]);
    expect(memberGot.find((n) => n.event === "task.overdue")?.key).toContain(late.id);
    expect(memberGot.find((n) => n.event === "task.due_tomorrow")?.key).toContain(tomorrow.id);
    // The lead hears of the referral deadline two business days ahead, once.
    const leadGot = (await told(lead.actor.id)).filter((n) => n.key);
    expect(leadGot).toEqual([
      {
        event: "referral.deadline_soon",
        key: expect.stringContaining(referral!.id),
        title: expect.stringContaining("in 2 business days"),
      },
    ]);
    // The next business day: the one-day reminder; after the deadline: missed. Each once.
    await remindReferrals(new Date("2026-12-03T10:00:00Z"));
    await remindReferrals(new Date("2026-12-05T10:00:00Z"));
    await remindReferrals(new Date("2026-12-05T11:00:00Z"));
    expect((await told(lead.actor.id)).filter((n) => n.key).map((n) => n.title)).toEqual([
      expect.stringContaining("in 2 business days"),
      expect.stringContaining("in 1 business day"),
      expect.stringContaining("missed"),
    ]);
  });

  it("queues one job per schedule slot whichever instance queues it", async () => {
    const reminders = schedules.filter((s) => s.kind === "notification.reminders");
    const at = new Date("2030-01-01T10:05:00Z");
    await Promise.all([queueScheduledJobs(at, reminders), queueScheduledJobs(at, reminders)]);
    await queueScheduledJobs(new Date("2030-01-01T10:14:00Z"), reminders);
    await queueScheduledJobs(new Date("2030-01-01T10:16:00Z"), reminders);
    const rows = await db
      .select({ key: jobs.key, runAfter: jobs.runAfter })
      .from(jobs)
      .where(eq(jobs.kind, "notification.reminders"));
    const slots = rows.filter((r) => r.runAfter.getUTCFullYear() === 2030).map((r) => r.runAfter.toISOString());
    expect(slots.sort()).toEqual(["2030-01-01T10:00:00.000Z", "2030-01-01T10:15:00.000Z"]);
  });
});
