import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getCase } from "@/lib/cases/get-case";
import { transitionCase } from "@/lib/cases/transition-case";
import { addMember } from "@/lib/cases/add-member";
import { createReferral } from "@/lib/referrals/create-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { makeCase, walkCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { createTask } from "./create-task";
import { updateTask } from "./update-task";

let lead: Actor;
let legal: Actor;

beforeAll(async () => {
  [lead, legal] = await Promise.all([makeActor("investigator"), makeActor("legal")]);
});

async function containedCase() {
  const c = await makeCase(lead);
  await addMember({ actor: lead, caseId: c.id, input: { userId: legal.id, role: "legal" } });
  return walkCase(lead, c.id, ["investigating", "contained"]);
}

describe("case workflow guards", () => {
  it("closing while tasks are todo or in progress answers 409 listing them, and changes nothing", async () => {
    const c = await containedCase();
    const todo = await createTask({
      actor: lead,
      caseId: c.id,
      input: { kind: "revoke_access", title: "Revoke access" },
    });
    const doing = await createTask({
      actor: lead,
      caseId: c.id,
      input: { kind: "recover_device", title: "Recover laptop", status: "in_progress" },
    });
    const done = await createTask({
      actor: lead,
      caseId: c.id,
      input: { kind: "stop_payroll", title: "Stop payroll", status: "done" },
    });
    const attempt = transitionCase({ actor: lead, caseId: c.id, input: { to: "closed", reason: "All handled" } });
    await expect(attempt).rejects.toMatchObject({
      code: "conflict",
      details: {
        openTasks: [
          { id: todo.id, title: "Revoke access", status: "todo" },
          { id: doing.id, title: "Recover laptop", status: "in_progress" },
        ],
      },
    });
    expect((await getCase({ actor: lead, caseId: c.id })).status).toBe("contained");
    expect(done.status).toBe("done");

    await updateTask({ actor: lead, taskId: todo.id, input: { status: "done" } });
    await updateTask({
      actor: lead,
      taskId: doing.id,
      input: { status: "not_applicable", completionNote: "Laptop never shipped" },
    });
    await expect(
      transitionCase({ actor: lead, caseId: c.id, input: { to: "closed", reason: "All handled" } }),
    ).resolves.toMatchObject({ status: "closed" });
  });

  it("a case with no tasks still closes, and open tasks do not block clearing a false alarm", async () => {
    const c = await containedCase();
    await expect(
      transitionCase({ actor: lead, caseId: c.id, input: { to: "closed", reason: "Nothing to do" } }),
    ).resolves.toMatchObject({ status: "closed" });
    const d = await containedCase();
    await createTask({ actor: lead, caseId: d.id, input: { kind: "other", title: "Open" } });
    await expect(
      transitionCase({ actor: lead, caseId: d.id, input: { to: "cleared", reason: "Real person after all" } }),
    ).resolves.toMatchObject({ status: "cleared" });
  });

  it("moving to referred needs a referral that was submitted (or later): 409 otherwise", async () => {
    const c = await containedCase();
    const refuse = () => transitionCase({ actor: lead, caseId: c.id, input: { to: "referred" } });
    await expect(refuse()).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("submitted") });
    const draft = await createReferral({ actor: legal, caseId: c.id, input: { destination: "fbi_ic3" } });
    await expect(refuse()).rejects.toMatchObject({ code: "conflict" });
    const other = await createReferral({ actor: legal, caseId: c.id, input: { destination: "uk_action_fraud" } });
    await transitionReferral({ actor: legal, referralId: other.id, input: { to: "declined" } });
    await expect(refuse()).rejects.toMatchObject({ code: "conflict" });
    expect((await getCase({ actor: lead, caseId: c.id })).status).toBe("contained");

    await transitionReferral({
      actor: legal,
      referralId: draft.id,
      input: { to: "submitted", referenceNo: "I2611-0001-2345" },
    });
    await expect(refuse()).resolves.toMatchObject({ status: "referred" });
  });
});
