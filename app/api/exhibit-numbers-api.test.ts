import "@/lib/testing/evidence";
import { randomBytes } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { personaIdentifiers, remediationTasks } from "@/db/schema";
import { attachPersona } from "@/lib/personas/attach-persona";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence } from "@/lib/testing/exports";
import { makePersona, uniqueValue } from "@/lib/testing/personas";
import { call, fieldErrors, type Who, who } from "@/lib/testing/routes";
import * as caseTasksRoute from "./cases/[id]/tasks/route";
import * as identifiersRoute from "./personas/[id]/identifiers/route";
import * as taskRoute from "./tasks/[id]/route";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let stranger: Who;

beforeAll(async () => {
  [lead, stranger] = await Promise.all([who("investigator", "Exhibit Lead"), who("investigator", "Stranger")]);
});

const file = (title: string) => ({ name: `${title}.bin`, title, bytes: randomBytes(64) });

/** A case of the lead's with E-001 and E-002, and a case of the stranger's with its own E-001..E-003. */
async function setUp() {
  const own = await makeCase(lead.actor);
  const receipt = await addEvidence(lead.actor, own.id, file("Courier receipt"));
  const chat = await addEvidence(lead.actor, own.id, file("Chat log"));
  const hidden = await makeCase(stranger.actor);
  for (const title of ["A", "B", "C"]) await addEvidence(stranger.actor, hidden.id, file(title));
  return { own, receipt, chat, hidden };
}

const taskRows = async (caseId: string) =>
  Number(
    (await db.select({ n: count() }).from(remediationTasks).where(eq(remediationTasks.caseId, caseId)))[0]?.n ?? 0,
  );

describe("a task's linked evidence by exhibit number", () => {
  it("accepts E-002 (any case of letters) on create and update and stores the item's id", async () => {
    const { own, receipt, chat } = await setUp();
    const created = await call(
      caseTasksRoute.POST,
      "POST",
      `/api/cases/${own.id}/tasks`,
      lead,
      { kind: "recover_device", title: "Recover laptop", evidenceId: "e-002" },
      { id: own.id },
    );
    expect(created.status).toBe(201);
    expect(created.body.evidenceId).toBe(chat.id);
    const id = created.body.id as string;
    const updated = await call(taskRoute.PATCH, "PATCH", `/api/tasks/${id}`, lead, { evidenceId: "E-001" }, { id });
    expect(updated.status).toBe(200);
    expect(updated.body.evidenceId).toBe(receipt.id);
  });

  it("refuses an unknown number or one only another case has, naming the field and writing nothing", async () => {
    const { own, receipt } = await setUp();
    for (const evidenceId of ["E-003", "E-999", "X-1"]) {
      const res = await call(
        caseTasksRoute.POST,
        "POST",
        `/api/cases/${own.id}/tasks`,
        lead,
        { kind: "other", title: "Linked", evidenceId },
        { id: own.id },
      );
      expect(res.status).toBe(400);
      expect(fieldErrors(res.body).map((e) => e.path)).toEqual(["evidenceId"]);
      // E-003 exists only in the stranger's case: the answer is the same as for a number nobody has.
      expect(JSON.stringify(res.body)).not.toContain("CASE-");
    }
    expect(await taskRows(own.id)).toBe(0);
    const task = await call(
      caseTasksRoute.POST,
      "POST",
      `/api/cases/${own.id}/tasks`,
      lead,
      { kind: "other", title: "Linked", evidenceId: receipt.id },
      { id: own.id },
    );
    const id = task.body.id as string;
    const refused = await call(taskRoute.PATCH, "PATCH", `/api/tasks/${id}`, lead, { evidenceId: "E-003" }, { id });
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused.body)[0]).toMatchObject({
      path: "evidenceId",
      message: "No exhibit E-003 in this case",
    });
    const [row] = await db.select().from(remediationTasks).where(eq(remediationTasks.id, id));
    expect(row?.evidenceId).toBe(receipt.id);
  });
});

describe("an identifier's source evidence by exhibit number", () => {
  const add = (caller: Who, personaId: string, sourceEvidenceId: string) =>
    call(
      identifiersRoute.POST,
      "POST",
      `/api/personas/${personaId}/identifiers`,
      caller,
      { type: "crypto_wallet", value: uniqueValue.wallet(), sourceEvidenceId },
      { id: personaId },
    );
  const claims = async (personaId: string) =>
    db.select().from(personaIdentifiers).where(eq(personaIdentifiers.personaId, personaId));

  it("resolves E-001 within the persona's case", async () => {
    const { own, receipt } = await setUp();
    const persona = await makePersona(lead.actor, { caseId: own.id });
    const res = await add(lead, persona.id, "E-001");
    expect(res.status).toBe(201);
    expect(res.body.sourceEvidenceId).toBe(receipt.id);
    expect((await claims(persona.id)).map((c) => c.sourceEvidenceId)).toEqual([receipt.id]);
  });

  it("refuses a number the persona's cases lack (even if another case has it) and writes nothing", async () => {
    const { own } = await setUp();
    const persona = await makePersona(lead.actor, { caseId: own.id });
    const loose = await makePersona(lead.actor);
    for (const [personaId, ref] of [
      [persona.id, "E-003"],
      [loose.id, "E-001"],
    ] as const) {
      const res = await add(lead, personaId, ref);
      expect(res.status).toBe(400);
      expect(fieldErrors(res.body)).toEqual([
        { path: "sourceEvidenceId", message: `No exhibit ${ref} in this persona's cases` },
      ]);
      expect(await claims(personaId)).toEqual([]);
    }
  });

  it("asks for the item itself when two of the persona's cases have that number", async () => {
    const { own, receipt } = await setUp();
    const second = await makeCase(lead.actor);
    await addEvidence(lead.actor, second.id, file("Other"));
    const persona = await makePersona(lead.actor, { caseId: own.id });
    await attachPersona({ actor: lead.actor, caseId: second.id, input: { personaId: persona.id } });
    const res = await add(lead, persona.id, "E-001");
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)[0]).toMatchObject({ path: "sourceEvidenceId" });
    expect(fieldErrors(res.body)[0]?.message).toContain("more than one");
    expect(await claims(persona.id)).toEqual([]);
    expect((await add(lead, persona.id, receipt.id)).status).toBe(201);
  });

  it("never resolves within a case of the persona's that the caller cannot see", async () => {
    const { hidden } = await setUp();
    const persona = await makePersona(stranger.actor, { caseId: hidden.id });
    // The lead cannot see the persona at all; an admin-free investigator sharing it sees only their case.
    const own = await makeCase(lead.actor);
    await attachPersona({ actor: lead.actor, caseId: own.id, input: { personaId: persona.id } }).catch(() => null);
    const res = await add(lead, persona.id, "E-002");
    expect([400, 404]).toContain(res.status);
    expect(JSON.stringify(res.body)).not.toContain(hidden.ref);
    expect(
      await db
        .select({ n: count() })
        .from(personaIdentifiers)
        .where(and(eq(personaIdentifiers.personaId, persona.id), eq(personaIdentifiers.assertedById, lead.actor.id))),
    ).toEqual([{ n: 0 }]);
  });
});
