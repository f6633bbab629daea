import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, personaRedFlags, remediationTasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona } from "@/lib/testing/personas";
import { importSdn, sdnEntry } from "@/lib/testing/sanctions";
import { DO_NOT_PAY_TITLE, SANCTIONS_FLAG } from "./raise-flags";
import { rescreenList } from "./rescreen-list";

let lead: Actor;

beforeAll(async () => {
  lead = await makeActor("investigator", "Re-screen Lead");
});

const flagsOf = (personaIds: string[]) =>
  db
    .select({ personaId: personaRedFlags.personaId, code: personaRedFlags.code })
    .from(personaRedFlags)
    .where(and(inArray(personaRedFlags.personaId, personaIds), eq(personaRedFlags.code, SANCTIONS_FLAG)));

describe("re-screening the personas of a new list version", () => {
  it("flags every persona holding a listed identifier, across batches, once, with the tasks of open cases", async () => {
    const wallets = Array.from({ length: 5 }, () => `0x${randomBytes(20).toString("hex")}`);
    const kase = await makeCase(lead);
    const personaIds: string[] = [];
    for (const [i, wallet] of wallets.entries()) {
      const persona = await makePersona(lead, i === 0 ? { caseId: kase.id } : {});
      // Written in capitals: the list's lower case must still match.
      await giveIdentifier(lead, persona.id, {
        type: "crypto_wallet",
        value: wallet.toUpperCase().replace("0X", "0x"),
        chain: "ETH",
      });
      personaIds.push(persona.id);
    }
    // A persona holding nothing listed is not screened.
    const clean = await makePersona(lead);
    await giveIdentifier(lead, clean.id, { type: "crypto_wallet", value: `0x${randomBytes(20).toString("hex")}` });
    expect(await flagsOf(personaIds)).toEqual([]);

    // The import's job screens them (in batches of RESCREEN_BATCH, here one).
    const listId = await importSdn(wallets.map((wallet) => sdnEntry({ wallet })));
    expect((await flagsOf(personaIds)).map((f) => f.personaId).sort()).toEqual([...personaIds].sort());
    expect(await flagsOf([clean.id])).toEqual([]);

    // The same list again, two personas a transaction, after the flags went: the same flags come
    // back, with one audit event each, and progress reported batch by batch.
    await db.delete(personaRedFlags).where(inArray(personaRedFlags.personaId, personaIds));
    const progress: [number, number][] = [];
    const result = await rescreenList(listId, {
      batchSize: 2,
      onProgress: async (screened, total) => void progress.push([screened, total]),
    });
    expect(result).toEqual({ screened: 5, raised: 5 });
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    expect((await flagsOf(personaIds)).map((f) => f.personaId).sort()).toEqual([...personaIds].sort());
    const audits = await db
      .select({ entityId: auditEvents.entityId })
      .from(auditEvents)
      .where(and(inArray(auditEvents.entityId, personaIds), eq(auditEvents.action, "persona.red_flag_add")));
    expect(audits).toHaveLength(10);
    const tasks = await db.select().from(remediationTasks).where(eq(remediationTasks.caseId, kase.id));
    expect(tasks.map((t) => t.title)).toEqual([DO_NOT_PAY_TITLE]);

    // Run again: everyone is flagged already, nothing is added.
    expect(await rescreenList(listId, { batchSize: 2 })).toEqual({ screened: 5, raised: 0 });
    expect(await flagsOf(personaIds)).toHaveLength(5);
  });
});
