import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { getCase } from "./get-case";
import { updateCase } from "./update-case";
import { addMember } from "./add-member";
import type { CaseDetail } from "./views";

let lead: Actor;
let colleague: Actor;

beforeAll(async () => {
  [lead, colleague] = await Promise.all([makeActor("investigator", "Lead"), makeActor("investigator", "Colleague")]);
});

async function sharedCase(): Promise<CaseDetail> {
  const c = await makeCase(lead, { summary: "original summary", severity: "low" });
  await addMember({ actor: lead, caseId: c.id, input: { userId: colleague.id } });
  return getCase({ actor: lead, caseId: c.id });
}

describe("optimistic concurrency on case edits", () => {
  it("answers a stale version with conflict and the current case, keeping the other edit", async () => {
    const opened = await sharedCase();
    // Both open version N; the colleague saves first.
    const saved = await updateCase({
      actor: colleague,
      caseId: opened.id,
      input: { version: opened.version, title: "Colleague's title" },
    });
    expect(saved.version).toBe(opened.version + 1);

    const error = await updateCase({
      actor: lead,
      caseId: opened.id,
      input: { version: opened.version, title: "Lead's title" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "conflict", status: 409 });
    const details = (error as AppError).details as { current: CaseDetail; yourVersion: number };
    expect(details.yourVersion).toBe(opened.version);
    expect(details.current).toMatchObject({
      id: opened.id,
      title: "Colleague's title",
      version: opened.version + 1,
      summary: "original summary",
    });

    // The refused edit wrote nothing; retrying on the current version works.
    expect(await getCase({ actor: lead, caseId: opened.id })).toMatchObject({
      title: "Colleague's title",
      version: opened.version + 1,
    });
    const retried = await updateCase({
      actor: lead,
      caseId: opened.id,
      input: { version: details.current.version, title: "Lead's title" },
    });
    expect(retried).toMatchObject({ title: "Lead's title", version: opened.version + 2 });
  });

  it("lets exactly one of two simultaneous edits on the same version win", async () => {
    const opened = await sharedCase();
    const results = await Promise.allSettled([
      updateCase({ actor: lead, caseId: opened.id, input: { version: opened.version, summary: "from lead" } }),
      updateCase({
        actor: colleague,
        caseId: opened.id,
        input: { version: opened.version, summary: "from colleague" },
      }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toMatchObject({ code: "conflict" });
    const winner = won[0]?.value;
    expect(await getCase({ actor: lead, caseId: opened.id })).toMatchObject({
      summary: winner?.summary,
      version: opened.version + 1,
    });
  });

  it("an edit that changes nothing keeps the version", async () => {
    const opened = await sharedCase();
    const same = await updateCase({
      actor: lead,
      caseId: opened.id,
      input: { version: opened.version, title: opened.title },
    });
    expect(same.version).toBe(opened.version);
  });

  it("an edit of one field leaves the other fields as they were", async () => {
    const opened = await makeCase(lead, {
      summary: "keep me",
      severity: "critical",
      tags: ["keep-tag"],
      dueDate: "2099-05-01",
      subject: { name: "Jane Roe", location: "Lisbon" },
    });
    const updated = await updateCase({
      actor: lead,
      caseId: opened.id,
      input: { version: opened.version, title: "Only the title changes" },
    });
    expect(updated).toMatchObject({
      title: "Only the title changes",
      summary: "keep me",
      severity: "critical",
      tags: ["keep-tag"],
      dueDate: "2099-05-01",
      subject: { name: "Jane Roe", location: "Lisbon" },
      version: opened.version + 1,
    });
    const subjectOnly = await updateCase({
      actor: lead,
      caseId: opened.id,
      input: { version: updated.version, subject: { role: "Backend engineer" } },
    });
    expect(subjectOnly.subject).toMatchObject({ name: "Jane Roe", location: "Lisbon", role: "Backend engineer" });
    expect(subjectOnly).toMatchObject({ summary: "keep me", severity: "critical", tags: ["keep-tag"] });
  });
});
