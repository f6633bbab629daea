import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, remediationTasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createCase } from "@/lib/cases/create-case";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { applyTemplate } from "./apply-template";
import { deleteTask } from "./delete-task";
import { listCaseTasks } from "./list-case-tasks";
import { remediationTemplates } from "./templates";

const template = remediationTemplates["fake-remote-worker"];
const HOUR = 3_600_000;
let lead: Actor;

beforeAll(async () => {
  lead = await makeActor("investigator");
});

describe("the fake-remote-worker template", () => {
  it("lists the standard steps in order, with unique step numbers", () => {
    expect(template.tasks.map((t) => t.kind)).toEqual([
      "preserve_evidence",
      "revoke_access",
      "rotate_secrets",
      "recover_device",
      "stop_payroll",
      "review_access",
      "hunt_personas",
      "notify_vendor",
      "notify_customers",
      "correct_records",
      "other",
    ]);
    expect(new Set(template.tasks.map((t) => t.step)).size).toBe(template.tasks.length);
  });

  it("applied twice gives the same task set", async () => {
    const c = await makeCase(lead);
    const before = Date.now();
    const first = await applyTemplate({ actor: lead, caseId: c.id, input: { template: "fake-remote-worker" } });
    expect(first).toMatchObject({ added: template.tasks.length, skipped: 0 });
    expect(first.items.map((t) => [t.kind, t.templateStep, t.status, t.owner?.id])).toEqual(
      template.tasks.map((t) => [t.kind, t.step, "todo", lead.id]),
    );
    // Due relative to now: access revocation in 4 hours, device recovery in 5 days.
    const due = (kind: string) => new Date(first.items.find((t) => t.kind === kind)?.dueAt ?? 0).getTime();
    expect(due("revoke_access") - before).toBeGreaterThanOrEqual(4 * HOUR);
    expect(due("revoke_access") - before).toBeLessThan(4 * HOUR + 60_000);
    expect(Math.round((due("recover_device") - before) / HOUR)).toBe(5 * 24);

    const second = await applyTemplate({ actor: lead, caseId: c.id, input: { template: "fake-remote-worker" } });
    expect(second).toMatchObject({ added: 0, skipped: template.tasks.length });
    expect(second.items).toEqual(first.items);
    const applied = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, c.id), eq(auditEvents.action, "task.apply_template")));
    expect(applied).toHaveLength(1);
  });

  it("two people applying at once still add each step once", async () => {
    const c = await makeCase(lead);
    const results = await Promise.all(
      [1, 2, 3].map(() => applyTemplate({ actor: lead, caseId: c.id, input: { template: "fake-remote-worker" } })),
    );
    expect(results.map((r) => r.added).sort((a, b) => b - a)).toEqual([template.tasks.length, 0, 0]);
    const rows = await db
      .select({ id: remediationTasks.id })
      .from(remediationTasks)
      .where(eq(remediationTasks.caseId, c.id));
    expect(rows).toHaveLength(template.tasks.length);
  });

  it("re-adds only a step that was removed", async () => {
    const c = await makeCase(lead);
    const first = await applyTemplate({ actor: lead, caseId: c.id, input: { template: "fake-remote-worker" } });
    const removed = first.items[2];
    if (!removed) throw new Error("no third task");
    await deleteTask({ actor: lead, taskId: removed.id });
    const again = await applyTemplate({ actor: lead, caseId: c.id, input: { template: "fake-remote-worker" } });
    expect(again).toMatchObject({ added: 1, skipped: template.tasks.length - 1 });
    expect(again.items.map((t) => t.templateStep).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      template.tasks.map((t) => t.step),
    );
  });

  it("refuses an unknown template with 400", async () => {
    const c = await makeCase(lead);
    await expect(
      applyTemplate({ actor: lead, caseId: c.id, input: { template: "nope" as never } }),
    ).rejects.toMatchObject({ code: "bad_request" });
    expect((await listCaseTasks({ actor: lead, caseId: c.id })).items).toHaveLength(0);
  });

  it("comes with a case opened from the fake-remote-worker case template", async () => {
    const c = await createCase({ actor: lead, input: { title: "From the form", template: "fake-remote-worker" } });
    const tasks = await listCaseTasks({ actor: lead, caseId: c.id });
    expect(tasks.items.map((t) => t.templateStep)).toEqual(template.tasks.map((t) => t.step));
    expect(tasks.items.every((t) => t.owner?.id === lead.id)).toBe(true);
    const [created] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, c.id), eq(auditEvents.action, "case.create")));
    expect(created?.detail).toMatchObject({ template: "fake-remote-worker", tasksAdded: template.tasks.length });
    const again = await applyTemplate({ actor: lead, caseId: c.id, input: { template: "fake-remote-worker" } });
    expect(again.added).toBe(0);
  });

  it("a case opened without a template has no tasks", async () => {
    const c = await createCase({ actor: lead, input: { title: "Plain" } });
    expect((await listCaseTasks({ actor: lead, caseId: c.id })).items).toEqual([]);
  });
});
