import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { evidence, personaIdentifiers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createTask } from "@/lib/remediation/create-task";
import { updateTask } from "@/lib/remediation/update-task";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { fileReferral } from "@/lib/testing/referrals";
import { createNote } from "./create-note";
import { getCaseTimeline } from "./get-case-timeline";
import { updateCase } from "./update-case";

let lead: Actor;
let outsider: Actor;
let manager: Actor;
let lawyer: Actor;

beforeAll(async () => {
  [lead, outsider, manager, lawyer] = await Promise.all([
    makeActor("investigator", "Tilda Lead"),
    makeActor("investigator", "Otto Outsider"),
    makeActor("manager", "Mona Manager"),
    makeActor("legal", "Lars Legal"),
  ]);
});

async function addItem(caseId: string, exhibitNo: number, values: Partial<typeof evidence.$inferInsert>) {
  const [row] = await db
    .insert(evidence)
    .values({
      caseId,
      exhibitNo,
      title: `Item ${exhibitNo}`,
      sha256: String(exhibitNo).repeat(64).slice(0, 64),
      size: 10,
      mimeType: "application/pdf",
      originalName: `item-${exhibitNo}.pdf`,
      ...values,
    })
    .returning({ id: evidence.id });
  if (!row) throw new Error("no evidence row");
  return row.id;
}

describe("case timeline", () => {
  it("lists what happened by the events' own dates, oldest first, each naming its source", async () => {
    const c = await makeCase(lead, {
      title: "Remote hire on a laptop farm",
      subject: {
        name: "Sam Doe",
        role: "Backend engineer",
        hiringChannel: "Staffing vendor",
        hiredOn: "2026-01-02",
        startDate: "2026-01-12",
        deviceShippedOn: "2026-01-08",
        firstSignInAt: "2026-01-12T03:15:00+01:00",
        terminatedOn: "2026-03-01",
      },
    });
    const persona = await makePersona(lead, { displayName: "Sam Doe (claimed)", caseId: c.id });
    const wallet = uniqueValue.wallet();
    const seen = await giveIdentifier(lead, persona.id, {
      type: "crypto_wallet",
      value: wallet,
      chain: "ethereum",
      observedAt: "2026-02-03T10:00:00Z",
    });
    // A claim without an observation date has no place on the timeline.
    await giveIdentifier(lead, persona.id, { type: "email", value: uniqueValue.email() });
    const collected = await addItem(c.id, 1, {
      title: "Courier receipt",
      collectedAt: new Date("2026-01-09T08:00:00Z"),
      collectedBy: "IT asset desk",
    });
    await db
      .update(personaIdentifiers)
      .set({ sourceEvidenceId: collected })
      .where(eq(personaIdentifiers.identifierId, seen.id));
    await addItem(c.id, 2, { title: "Undated screenshot" });
    await addItem(c.id, 3, {
      title: "Withdrawn item",
      collectedAt: new Date("2026-01-10T08:00:00Z"),
      deletedAt: new Date(),
      deleteReason: "Wrong case",
    });
    const task = await createTask({
      actor: lead,
      caseId: c.id,
      input: { kind: "stop_payroll", title: "Stop payroll" },
    });
    await createTask({ actor: lead, caseId: c.id, input: { kind: "notify_vendor", title: "Still open" } });
    await updateTask({ actor: lead, taskId: task.id, input: { status: "done", completionNote: "Stopped" } });
    const referralId = await fileReferral(c.id);
    const note = await createNote({ actor: lead, caseId: c.id, input: { body: "## Vendor called\nThey knew." } });

    const { items, truncated } = await getCaseTimeline({ actor: lead, caseId: c.id });
    expect(truncated).toBe(false);
    expect(items.map((e) => e.kind)).toEqual([
      "subject_hired",
      "device_shipped",
      "evidence_collected",
      "subject_started",
      "first_sign_in",
      "identifier_observed",
      "subject_terminated",
      "case_opened",
      "task_done",
      "referral_submitted",
      "note_written",
    ]);
    const byKind = new Map(items.map((e) => [e.kind, e]));
    expect(byKind.get("subject_hired")).toMatchObject({
      at: "2026-01-02",
      allDay: true,
      title: "Sam Doe hired",
      detail: "Backend engineer, through Staffing vendor",
      source: { type: "case", id: c.id, label: c.ref, href: `/cases/${c.id}` },
    });
    // The sign-in keeps its instant (03:15 in UTC+1 is 02:15 UTC); a day sorts before that day's moments.
    expect(byKind.get("first_sign_in")).toMatchObject({ at: "2026-01-12T02:15:00.000Z", allDay: false });
    expect(byKind.get("identifier_observed")).toMatchObject({
      at: "2026-02-03T10:00:00.000Z",
      title: `Crypto wallet ${wallet} observed`,
      detail: "Held by Sam Doe (claimed), from E-001",
      source: { type: "persona", id: persona.id, href: `/personas/${persona.id}` },
    });
    expect(byKind.get("evidence_collected")).toMatchObject({
      title: "E-001 collected: Courier receipt",
      detail: "Collected by IT asset desk",
      source: { type: "evidence", id: collected, label: "E-001", href: `/evidence/${collected}` },
    });
    expect(byKind.get("task_done")).toMatchObject({
      title: "Remediation done: Stop payroll",
      detail: "Stopped",
      source: { href: `/cases/${c.id}?tab=remediation` },
    });
    expect(byKind.get("referral_submitted")).toMatchObject({
      title: "Referral sent to FBI IC3",
      source: { type: "referral", id: referralId, href: `/cases/${c.id}?tab=referrals` },
    });
    expect(byKind.get("note_written")).toMatchObject({
      title: "Note by Tilda Lead",
      detail: "Vendor called",
      source: { type: "note", id: note.id, href: `/cases/${c.id}#note-${note.id}` },
    });
  });

  it("follows edits of the subject's dates and refuses a sign-in without a time", async () => {
    const c = await makeCase(lead);
    const before = await getCaseTimeline({ actor: lead, caseId: c.id });
    expect(before.items.map((e) => e.kind)).toEqual(["case_opened"]);
    await expect(
      updateCase({
        actor: lead,
        caseId: c.id,
        input: { version: c.version, subject: { firstSignInAt: "2026-01-12" } },
      }),
    ).rejects.toMatchObject({ code: "bad_request", details: [{ path: "subject.firstSignInAt" }] });
    const edited = await updateCase({
      actor: lead,
      caseId: c.id,
      input: { version: c.version, subject: { terminatedOn: "2026-02-01", firstSignInAt: "2026-01-12T09:00:00Z" } },
    });
    expect(edited.subject).toMatchObject({ terminatedOn: "2026-02-01", firstSignInAt: "2026-01-12T09:00:00.000Z" });
    const after = await getCaseTimeline({ actor: lead, caseId: c.id });
    expect(after.items.map((e) => [e.kind, e.title])).toEqual([
      ["first_sign_in", "The subject's first sign-in"],
      ["subject_terminated", "The subject terminated"],
      ["case_opened", `Case ${c.ref} opened`],
    ]);
  });

  it("is for those who see the case: anyone else is told it does not exist", async () => {
    const c = await makeCase(lead, { subject: { hiredOn: "2026-01-02" } });
    await expect(getCaseTimeline({ actor: outsider, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getCaseTimeline({ actor: lawyer, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    const seen = await getCaseTimeline({ actor: manager, caseId: c.id });
    expect(seen.items.map((e) => e.kind)).toEqual(["subject_hired", "case_opened"]);
  });
});
