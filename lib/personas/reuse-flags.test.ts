import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, personaRedFlags } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { parseCommand } from "@/scripts/cli/args";
import { addRedFlag } from "./add-red-flag";
import { flagReuseEverywhere } from "./flag-reuse-everywhere";
import { getPersona } from "./get-persona";
import { recomputeRisk } from "./recompute-risk";
import { removeRedFlag } from "./remove-red-flag";
import { updatePersona } from "./update-persona";

let leadA: Actor;
let leadB: Actor;
let manager: Actor;

beforeAll(async () => {
  [leadA, leadB, manager] = await Promise.all([
    makeActor("investigator", "Ada Reuse"),
    makeActor("investigator", "Bert Reuse"),
    makeActor("manager"),
  ]);
});

const reuseFlag = async (actor: Actor, personaId: string) =>
  (await getPersona({ actor, personaId })).redFlags.find((f) => f.code === "REUSED_IDENTIFIER");

describe("REUSED_IDENTIFIER raised by the system", () => {
  it("flags a persona that records an identifier a confirmed persona holds, without naming it to an outsider", async () => {
    const secretCase = await makeCase(leadA, { title: "Confirmed operator case" });
    const ownCase = await makeCase(leadB);
    const phone = uniqueValue.phone();
    const operator = await makePersona(leadA, {
      caseId: secretCase.id,
      displayName: "Operator Olufemi",
      status: "confirmed",
    });
    await giveIdentifier(leadA, operator.id, { type: "phone", value: phone });
    const newcomer = await makePersona(leadB, { caseId: ownCase.id });
    expect((await getPersona({ actor: leadB, personaId: newcomer.id })).riskScore).toBe(0);

    await giveIdentifier(leadB, newcomer.id, { type: "phone", value: phone });

    const seen = await getPersona({ actor: leadB, personaId: newcomer.id });
    expect(seen.riskScore).toBe(20);
    const flag = seen.redFlags.find((f) => f.code === "REUSED_IDENTIFIER");
    expect(flag).toMatchObject({ recordedBy: null, weight: 20 });
    expect(flag?.note).toMatch(/^Shares the phone .+ with a confirmed persona$/);
    expect(flag?.reusedWith).toEqual([
      {
        identifier: expect.objectContaining({ type: "phone" }),
        confirmed: expect.objectContaining({
          personas: [],
          total: 0,
          hidden: { personas: 1, cases: 1, leads: ["Ada Reuse"] },
        }),
      },
    ]);
    const text = JSON.stringify(seen);
    for (const secret of [operator.id, "Operator Olufemi", secretCase.id, secretCase.ref, "Confirmed operator case"])
      expect(text).not.toContain(secret);

    // Someone who sees both cases is told which confirmed persona it is.
    const overseen = await reuseFlag(manager, newcomer.id);
    expect(overseen?.reusedWith?.[0]?.confirmed.personas.map((p) => p.id)).toEqual([operator.id]);

    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, newcomer.id), eq(auditEvents.action, "persona.red_flag_add")))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(event).toMatchObject({
      actorId: null,
      actorLabel: "system",
      detail: expect.objectContaining({ code: "REUSED_IDENTIFIER", confirmedPersonaId: operator.id }),
    });
  });

  it("flags no one for an identifier shared only among suspected personas", async () => {
    const wallet = uniqueValue.wallet();
    const first = await makePersona(leadA, { caseId: (await makeCase(leadA)).id });
    const second = await makePersona(leadA, { caseId: (await makeCase(leadA)).id });
    await giveIdentifier(leadA, first.id, { type: "crypto_wallet", value: wallet });
    await giveIdentifier(leadA, second.id, { type: "crypto_wallet", value: wallet });
    expect(await reuseFlag(leadA, first.id)).toBeUndefined();
    expect(await reuseFlag(leadA, second.id)).toBeUndefined();
  });

  it("flags the other holders when a persona becomes confirmed, but not a cleared one or a victim", async () => {
    const caseA = await makeCase(leadA);
    const email = uniqueValue.email();
    const operator = await makePersona(leadA, { caseId: caseA.id });
    const holder = await makePersona(leadA, { caseId: caseA.id });
    const cleared = await makePersona(leadA, { caseId: caseA.id, status: "cleared" });
    const victim = await makePersona(leadA, { caseId: caseA.id, status: "stolen_identity_victim" });
    for (const p of [operator, holder, cleared, victim])
      await giveIdentifier(leadA, p.id, { type: "email", value: email });
    expect(await reuseFlag(leadA, holder.id)).toBeUndefined();

    await updatePersona({ actor: leadA, personaId: operator.id, input: { status: "confirmed", version: 1 } });

    const flag = await reuseFlag(leadA, holder.id);
    expect(flag).toMatchObject({ recordedBy: null, note: `Shares the email ${email} with a confirmed persona` });
    expect(flag?.reusedWith?.[0]?.confirmed.personas.map((p) => p.id)).toEqual([operator.id]);
    expect(await reuseFlag(leadA, cleared.id)).toBeUndefined();
    expect(await reuseFlag(leadA, victim.id)).toBeUndefined();
    expect(await reuseFlag(leadA, operator.id)).toBeUndefined();

    // A confirmed persona's new claim flags the personas already holding it.
    const device = uniqueValue.device();
    const other = await makePersona(leadA, { caseId: caseA.id });
    await giveIdentifier(leadA, other.id, { type: "device", value: device });
    await giveIdentifier(leadA, operator.id, { type: "device", value: device });
    expect(await reuseFlag(leadA, other.id)).toMatchObject({ recordedBy: null });
  });

  it("needs a reason to be removed, and stays removed until a new identifier is shared", async () => {
    const caseB = await makeCase(leadB);
    const [phone, wallet] = [uniqueValue.phone(), uniqueValue.wallet()];
    const operator = await makePersona(leadB, { caseId: caseB.id, status: "confirmed" });
    await giveIdentifier(leadB, operator.id, { type: "phone", value: phone });
    await giveIdentifier(leadB, operator.id, { type: "crypto_wallet", value: wallet });
    const persona = await makePersona(leadB, { caseId: caseB.id });
    await giveIdentifier(leadB, persona.id, { type: "phone", value: phone });

    await expect(
      removeRedFlag({ actor: leadB, personaId: persona.id, code: "REUSED_IDENTIFIER" }),
    ).rejects.toMatchObject({ code: "bad_request", message: "Give a reason for removing a flag the system raised" });
    expect(await reuseFlag(leadB, persona.id)).toBeDefined();

    const after = await removeRedFlag({
      actor: leadB,
      personaId: persona.id,
      code: "REUSED_IDENTIFIER",
      input: { reason: "The phone is the agency's switchboard" },
    });
    expect([after.riskScore, after.redFlags]).toEqual([0, []]);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, persona.id), eq(auditEvents.action, "persona.red_flag_remove")));
    expect(event?.detail).toMatchObject({ reason: "The phone is the agency's switchboard", raisedBy: "system" });

    // An unrelated identifier does not bring it back; a second shared one does.
    await giveIdentifier(leadB, persona.id, { type: "email", value: uniqueValue.email() });
    expect(await reuseFlag(leadB, persona.id)).toBeUndefined();
    await giveIdentifier(leadB, persona.id, { type: "crypto_wallet", value: wallet });
    expect((await reuseFlag(leadB, persona.id))?.note).toMatch(/^Shares the crypto wallet 0x/);
  });

  it("leaves a flag recorded by hand as it is, removable without a reason", async () => {
    const caseA = await makeCase(leadA);
    const phone = uniqueValue.phone();
    const operator = await makePersona(leadA, { caseId: caseA.id, status: "confirmed" });
    await giveIdentifier(leadA, operator.id, { type: "phone", value: phone });
    const persona = await makePersona(leadA, { caseId: caseA.id });
    await addRedFlag({
      actor: leadA,
      personaId: persona.id,
      input: { code: "REUSED_IDENTIFIER", note: "Seen by hand" },
    });
    await giveIdentifier(leadA, persona.id, { type: "phone", value: phone });
    const flag = await reuseFlag(leadA, persona.id);
    expect(flag).toMatchObject({ note: "Seen by hand", recordedBy: { id: leadA.id } });
    expect(flag?.reusedWith).toBeUndefined();
    await expect(
      removeRedFlag({ actor: leadA, personaId: persona.id, code: "REUSED_IDENTIFIER" }),
    ).resolves.toMatchObject({ riskScore: 0 });
  });

  it("flags what was recorded before, once, leaving alone a flag someone removed (npm run cli -- personas flag-reuse)", async () => {
    expect(parseCommand(["personas", "flag-reuse"])).toEqual({ kind: "personas-flag-reuse" });
    const caseA = await makeCase(leadA);
    const phone = uniqueValue.phone();
    const operator = await makePersona(leadA, { caseId: caseA.id, status: "confirmed" });
    await giveIdentifier(leadA, operator.id, { type: "phone", value: phone });
    const older = await makePersona(leadA, { caseId: caseA.id });
    const decided = await makePersona(leadA, { caseId: caseA.id });
    await giveIdentifier(leadA, older.id, { type: "phone", value: phone });
    await giveIdentifier(leadA, decided.id, { type: "phone", value: phone });
    // As the data was before the flag was raised by itself: no flag, score 0.
    await db.transaction(async (tx) => {
      await tx.delete(personaRedFlags).where(eq(personaRedFlags.personaId, older.id));
      await recomputeRisk(tx, older.id);
    });
    await removeRedFlag({
      actor: leadA,
      personaId: decided.id,
      code: "REUSED_IDENTIFIER",
      input: { reason: "Family phone" },
    });
    expect((await getPersona({ actor: leadA, personaId: older.id })).riskScore).toBe(0);

    const first = await flagReuseEverywhere();
    expect(first.flagged).toBeGreaterThanOrEqual(1);
    expect(await getPersona({ actor: leadA, personaId: older.id })).toMatchObject({
      riskScore: 20,
      redFlags: [expect.objectContaining({ code: "REUSED_IDENTIFIER", recordedBy: null })],
    });
    expect(await reuseFlag(leadA, decided.id)).toBeUndefined();
    expect((await flagReuseEverywhere()).flagged).toBe(0);
  });
});
