import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, personaRedFlags, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { addRedFlag } from "@/lib/personas/add-red-flag";
import { removeRedFlag } from "@/lib/personas/remove-red-flag";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { importSdn, sdnEntry } from "@/lib/testing/sanctions";
import { dismissHit } from "./dismiss-hit";
import { reopenHit } from "./reopen-hit";
import { screenPersona } from "./screen-persona";

let lead: Actor;
let observer: Actor;
let outsider: Actor;
let legal: Actor;
let manager: Actor;

beforeAll(async () => {
  [lead, observer, outsider, legal, manager] = await Promise.all([
    makeActor("investigator", "Dismissal Lead"),
    makeActor("investigator", "Dismissal Observer"),
    makeActor("investigator", "Dismissal Outsider"),
    makeActor("legal", "Dismissal Legal"),
    makeActor("manager", "Dismissal Manager"),
  ]);
});

/** A persona in a case of the lead's (observer and legal on it) whose name is on a new list version. */
async function nameHit() {
  const entry = sdnEntry();
  await importSdn([entry]);
  const kase = await makeCase(lead);
  await addMember({ actor: lead, caseId: kase.id, input: { userId: observer.id, role: "observer" } });
  await addMember({ actor: lead, caseId: kase.id, input: { userId: legal.id, role: "legal" } });
  const persona = await makePersona(lead, { caseId: kase.id, displayName: entry.personaName });
  return { entry, personaId: persona.id, caseId: kase.id };
}

const reason = "Born 1994 in Seoul per passport scan; the listed man was born 1961";
const hitOn = async (actor: Actor, personaId: string, entNum: string) =>
  (await screenPersona({ actor, personaId })).items.find((h) => h.entry.entNum === entNum);

describe("dismissing a sanctions hit", () => {
  it("keeps a dismissed name hit dismissed on a new list version, shows who, when and why, and re-opens it", async () => {
    const { entry, personaId } = await nameHit();
    expect(await hitOn(lead, personaId, entry.entNum)).toMatchObject({ status: "open", dismissal: null, score: 70 });

    const dismissed = await dismissHit({
      actor: lead,
      personaId,
      input: { source: "ofac_sdn_csv", entNum: entry.entNum, reason },
    });
    expect(dismissed).toMatchObject({ status: "dismissed", dismissal: { reason, by: "Dismissal Lead" } });

    // The same entry in a later version of the list (another file, another version id).
    const before = (await hitOn(lead, personaId, entry.entNum))!;
    const v2 = await importSdn([entry]);
    const after = (await hitOn(legal, personaId, entry.entNum))!;
    expect(after.listVersion.id).toBe(v2);
    expect(after.listVersion.id).not.toBe(before.listVersion.id);
    expect(after).toMatchObject({ status: "dismissed", dismissal: { id: dismissed.dismissal!.id, reason } });

    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sanctions.hit_dismiss"), eq(auditEvents.entityId, personaId)));
    expect(audit?.detail).toMatchObject({ entNum: entry.entNum, reason, exact: false });

    // Twice is a conflict, not a second dismissal.
    await expect(
      dismissHit({ actor: legal, personaId, input: { source: "ofac_sdn_csv", entNum: entry.entNum, reason } }),
    ).rejects.toMatchObject({ code: "conflict" });

    await reopenHit({ actor: legal, personaId, dismissalId: dismissed.dismissal!.id });
    expect(await hitOn(lead, personaId, entry.entNum)).toMatchObject({ status: "open", dismissal: null });
    const reopened = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sanctions.hit_reopen"), eq(auditEvents.entityId, personaId)));
    expect(reopened).toHaveLength(1);
  });

  it("opens the hit again when the persona comes to match the entry on something new", async () => {
    const wallet = uniqueValue.wallet();
    const entry = sdnEntry({ wallet });
    await importSdn([entry]);
    const kase = await makeCase(lead);
    const { id: personaId } = await makePersona(lead, { caseId: kase.id, displayName: entry.personaName });
    await dismissHit({ actor: lead, personaId, input: { source: "ofac_sdn_csv", entNum: entry.entNum, reason } });
    expect((await hitOn(lead, personaId, entry.entNum))!.status).toBe("dismissed");
    // The listed wallet now on the persona: the name was judged, the wallet was not.
    await giveIdentifier(lead, personaId, { type: "crypto_wallet", value: wallet });
    const hit = (await hitOn(lead, personaId, entry.entNum))!;
    expect(hit).toMatchObject({ status: "open", dismissal: null, score: 100 });
    expect(hit.matched.map((m) => m.kind).sort()).toEqual(["name", "wallet"]);
  });

  it("lets only a manager or an admin dismiss an exact wallet hit, and raises it no more once dismissed", async () => {
    const wallet = uniqueValue.wallet();
    const entry = sdnEntry({ wallet });
    await importSdn([entry]);
    const kase = await makeCase(lead);
    const persona = await makePersona(lead, { caseId: kase.id });
    await giveIdentifier(lead, persona.id, { type: "crypto_wallet", value: wallet.toUpperCase().replace("0X", "0x") });
    const hit = (await hitOn(lead, persona.id, entry.entNum))!;
    expect(hit).toMatchObject({ status: "open", score: 100 });
    expect((await screenPersona({ actor: lead, personaId: persona.id })).permissions).toEqual({
      judge: true,
      dismissExact: false,
    });

    const input = { source: "ofac_sdn_csv" as const, entNum: entry.entNum, reason: "Our own treasury wallet" };
    await expect(dismissHit({ actor: lead, personaId: persona.id, input })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await hitOn(lead, persona.id, entry.entNum))!.status).toBe("open");

    const flags = () =>
      db
        .select()
        .from(personaRedFlags)
        .where(and(eq(personaRedFlags.personaId, persona.id), eq(personaRedFlags.code, "SANCTIONS_HIT")));
    const risk = async () => (await db.select().from(personas).where(eq(personas.id, persona.id)))[0]!.riskScore;
    expect(await flags()).toHaveLength(1);
    const flaggedRisk = await risk();

    const { dismissal } = await dismissHit({ actor: manager, personaId: persona.id, input });
    expect((await hitOn(lead, persona.id, entry.entNum))!.status).toBe("dismissed");
    // The dismissal takes back the flag it raised, lowers the risk and says so in the audit log.
    expect(await flags()).toHaveLength(0);
    expect(await risk()).toBeLessThan(flaggedRisk);
    const removals = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "persona.red_flag_remove"), eq(auditEvents.entityId, persona.id)));
    expect(removals.map((e) => e.detail)).toEqual([
      expect.objectContaining({ code: "SANCTIONS_HIT", raisedBy: "system", dismissalId: dismissal!.id }),
    ]);

    // A new version holding the same wallet does not raise it again.
    await importSdn([entry]);
    expect(await flags()).toHaveLength(0);

    // Re-opened, the hit raises it again.
    await reopenHit({ actor: manager, personaId: persona.id, dismissalId: dismissal!.id });
    expect(await flags()).toEqual([expect.objectContaining({ recordedById: null })]);
    expect(await risk()).toBe(flaggedRisk);
  });

  it("keeps a flag a person recorded when the hit is dismissed", async () => {
    const wallet = uniqueValue.wallet();
    const entry = sdnEntry({ wallet });
    await importSdn([entry]);
    const kase = await makeCase(lead);
    const persona = await makePersona(lead, { caseId: kase.id });
    await giveIdentifier(lead, persona.id, { type: "crypto_wallet", value: wallet });
    await removeRedFlag({
      actor: lead,
      personaId: persona.id,
      code: "SANCTIONS_HIT",
      input: { reason: "re-recorded" },
    });
    await addRedFlag({ actor: lead, personaId: persona.id, input: { code: "SANCTIONS_HIT", note: "Our own finding" } });
    await dismissHit({
      actor: manager,
      personaId: persona.id,
      input: { source: "ofac_sdn_csv", entNum: entry.entNum, reason: "Treasury wallet" },
    });
    const [flag] = await db
      .select()
      .from(personaRedFlags)
      .where(and(eq(personaRedFlags.personaId, persona.id), eq(personaRedFlags.code, "SANCTIONS_HIT")));
    expect(flag).toMatchObject({ recordedById: lead.id, note: "Our own finding" });
  });

  it("follows need-to-know: no hit for one who cannot see the persona, no dismissal by an observer", async () => {
    const { entry, personaId } = await nameHit();
    const input = { source: "ofac_sdn_csv" as const, entNum: entry.entNum, reason };
    await expect(screenPersona({ actor: outsider, personaId })).rejects.toMatchObject({ code: "not_found" });
    await expect(dismissHit({ actor: outsider, personaId, input })).rejects.toMatchObject({ code: "not_found" });
    await expect(dismissHit({ actor: observer, personaId, input })).rejects.toMatchObject({ code: "forbidden" });
    expect((await screenPersona({ actor: observer, personaId })).permissions.judge).toBe(false);
    expect((await hitOn(lead, personaId, entry.entNum))!.status).toBe("open");
    const { dismissal } = await dismissHit({ actor: lead, personaId, input });
    await expect(reopenHit({ actor: outsider, personaId, dismissalId: dismissal!.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(reopenHit({ actor: observer, personaId, dismissalId: dismissal!.id })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("refuses a dismissal without a reason or of an entry that is not a hit, changing nothing", async () => {
    const { entry, personaId } = await nameHit();
    await expect(
      dismissHit({ actor: lead, personaId, input: { source: "ofac_sdn_csv", entNum: entry.entNum, reason: " " } }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(
      dismissHit({ actor: lead, personaId, input: { source: "ofac_sdn_csv", entNum: "1", reason } }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await hitOn(lead, personaId, entry.entNum))!.status).toBe("open");
  });
});
