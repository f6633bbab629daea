import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { remediationTasks } from "@/db/schema";
import { addMember } from "@/lib/cases/add-member";
import { makeCase, walkCase } from "@/lib/testing/cases";
import { call, type Route, type Who, who } from "@/lib/testing/routes";
import * as transitionRoute from "../cases/[id]/transition/route";
import * as applyRoute from "../cases/[id]/tasks/apply-template/route";
import * as caseTasksRoute from "../cases/[id]/tasks/route";
import * as taskRoute from "./[id]/route";
import * as tasksRoute from "./route";

vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let outsider: Who;
let manager: Who;
let member: Who;

beforeAll(async () => {
  [lead, outsider, manager, member] = await Promise.all([
    who("investigator", "Lead"),
    who("investigator"),
    who("manager"),
    who("investigator", "Member"),
  ]);
});

async function openCase() {
  const c = await makeCase(lead.actor);
  await addMember({ actor: lead.actor, caseId: c.id, input: { userId: member.actor.id } });
  return c;
}

const taskCount = async (caseId: string) =>
  Number(
    (await db.select({ n: count() }).from(remediationTasks).where(eq(remediationTasks.caseId, caseId)))[0]?.n ?? 0,
  );

describe("tasks API", () => {
  it("adds a task (201, flagged when due in the past), lists it with progress, changes and deletes it", async () => {
    const c = await openCase();
    const p = { id: c.id };
    const created = await call(
      caseTasksRoute.POST,
      "POST",
      `/api/cases/${c.id}/tasks`,
      member,
      { kind: "revoke_access", title: "Revoke SSO", dueAt: "2021-01-01", ownerId: member.actor.id },
      p,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ dueInPast: true, overdue: true, status: "todo" });
    const id = created.body.id as string;
    const list = await call(caseTasksRoute.GET, "GET", `/api/cases/${c.id}/tasks`, lead, undefined, p);
    expect(list.body).toMatchObject({
      progress: { total: 1, open: 1, overdue: 1, percent: 0 },
      permissions: { manage: true },
    });
    const patched = await call(
      taskRoute.PATCH,
      "PATCH",
      `/api/tasks/${id}`,
      member,
      { status: "not_applicable", completionNote: "Had no SSO account" },
      { id },
    );
    expect(patched.body).toMatchObject({
      status: "not_applicable",
      completionNote: "Had no SSO account",
      overdue: false,
    });
    expect((await call(taskRoute.DELETE, "DELETE", `/api/tasks/${id}`, lead, undefined, { id })).status).toBe(204);
    expect(await taskCount(c.id)).toBe(0);
  });

  it("applies the template twice through the API and gets the same task set", async () => {
    const c = await openCase();
    const p = { id: c.id };
    const first = await call(
      applyRoute.POST,
      "POST",
      `/api/cases/${c.id}/tasks/apply-template`,
      lead,
      { template: "fake-remote-worker" },
      p,
    );
    const second = await call(
      applyRoute.POST,
      "POST",
      `/api/cases/${c.id}/tasks/apply-template`,
      lead,
      { template: "fake-remote-worker" },
      p,
    );
    expect(first.status).toBe(200);
    expect(second.body.added).toBe(0);
    expect(second.body.items).toEqual(first.body.items);
    expect(
      (await call(applyRoute.POST, "POST", `/api/cases/${c.id}/tasks/apply-template`, lead, { template: "unknown" }, p))
        .status,
    ).toBe(400);
  });

  it.each([
    ["an unknown kind", { kind: "nuke", title: "x" }],
    ["an unknown status", { kind: "other", title: "x", status: "blocked" }],
    ["a title with control characters", { kind: "other", title: "x\u0008y" }],
    ["a due date that does not parse", { kind: "other", title: "x", dueAt: "2026-13-01" }],
    ["not_applicable without a reason", { kind: "other", title: "x", status: "not_applicable" }],
    ["an unknown field", { kind: "other", title: "x", priority: "high" }],
    ["a body that is not JSON", "{not json"],
  ])("POST with %s is 400 and writes nothing", async (_label, body) => {
    const c = await openCase();
    const res = await call(caseTasksRoute.POST, "POST", `/api/cases/${c.id}/tasks`, lead, body, { id: c.id });
    expect([res.status, res.body.error?.code]).toEqual([400, "bad_request"]);
    expect(await taskCount(c.id)).toBe(0);
  });

  it("answers 404 to a non-member, lets a manager read but not write (403)", async () => {
    const c = await openCase();
    const p = { id: c.id };
    const t = await call(
      caseTasksRoute.POST,
      "POST",
      `/api/cases/${c.id}/tasks`,
      lead,
      { kind: "other", title: "Keep" },
      p,
    );
    const id = t.body.id as string;
    const attempts: [Route, string, string, unknown?, Record<string, string>?][] = [
      [caseTasksRoute.GET, "GET", `/api/cases/${c.id}/tasks`],
      [caseTasksRoute.POST, "POST", `/api/cases/${c.id}/tasks`, { kind: "other", title: "x" }],
      [applyRoute.POST, "POST", `/api/cases/${c.id}/tasks/apply-template`, { template: "fake-remote-worker" }],
      [taskRoute.PATCH, "PATCH", `/api/tasks/${id}`, { status: "done" }, { id }],
      [taskRoute.DELETE, "DELETE", `/api/tasks/${id}`, undefined, { id }],
    ];
    for (const [route, method, path, body, params] of attempts) {
      const res = await call(route, method, path, outsider, body, params ?? p);
      expect([method, path, res.status]).toEqual([method, path, 404]);
      const managed = await call(route, method, path, manager, body, params ?? p);
      expect([method, path, managed.status]).toEqual([method, path, method === "GET" ? 200 : 403]);
    }
    expect(await taskCount(c.id)).toBe(1);
  });

  it("GET /api/tasks lists my open tasks across cases, soonest due first", async () => {
    const a = await openCase();
    const b = await openCase();
    const add = (caseId: string, title: string, dueAt?: string) =>
      call(
        caseTasksRoute.POST,
        "POST",
        `/api/cases/${caseId}/tasks`,
        lead,
        { kind: "other", title, ownerId: member.actor.id, dueAt },
        { id: caseId },
      );
    const late = await add(a.id, "Late", "2099-02-01");
    const soon = await add(b.id, "Soon", "2099-01-01");
    const res = await call(tasksRoute.GET, "GET", "/api/tasks?owner=me&status=open", member);
    const ids = (res.body.items as { id: string }[]).map((i) => i.id);
    expect(ids.indexOf(soon.body.id as string)).toBeLessThan(ids.indexOf(late.body.id as string));
    expect((await call(tasksRoute.GET, "GET", "/api/tasks?status=later", member)).status).toBe(400);
  });

  it("closing a case with open tasks answers 409 listing them", async () => {
    const c = await openCase();
    await walkCase(lead.actor, c.id, ["investigating", "contained"]);
    const t = await call(
      caseTasksRoute.POST,
      "POST",
      `/api/cases/${c.id}/tasks`,
      lead,
      { kind: "recover_device", title: "Recover the laptop" },
      { id: c.id },
    );
    const res = await call(
      transitionRoute.POST,
      "POST",
      `/api/cases/${c.id}/transition`,
      lead,
      { to: "closed", reason: "Done" },
      { id: c.id },
    );
    expect(res.status).toBe(409);
    expect(res.body.error?.details).toEqual({
      openTasks: [{ id: t.body.id, title: "Recover the laptop", status: "todo" }],
    });
  });
});
