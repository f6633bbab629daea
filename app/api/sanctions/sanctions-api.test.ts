import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents, personaRedFlags, personas, remediationTasks, sanctionsEntries, sanctionsKeys } from "@/db/schema";
import { multipart, multipartType } from "@/lib/testing/evidence";
import { inRequestScope, serverRequest } from "@/lib/testing/next-request";
import { makeCase } from "@/lib/testing/cases";
import { giveIdentifier, makePersona } from "@/lib/testing/personas";
import { call, fieldErrors, type Json, who, type Who } from "@/lib/testing/routes";
import * as personaSanctions from "../personas/[id]/sanctions/route";
import * as lists from "./lists/route";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let admin: Who;
let investigator: Who;
let outsider: Who;

beforeAll(async () => {
  [admin, investigator, outsider] = await Promise.all([
    who("admin", "Sanctions Admin"),
    who("investigator", "Sanctions Investigator"),
    who("investigator", "Sanctions Outsider"),
  ]);
});

type Part = Parameters<typeof multipart>[0][number];

async function post(caller: Who, parts: Part[]) {
  const request = serverRequest("http://localhost/api/sanctions/lists", {
    method: "POST",
    headers: { authorization: `Bearer ${caller.token}`, "content-type": multipartType },
    body: new Uint8Array(multipart(parts)),
  });
  const response = await inRequestScope(request, () => lists.POST(request, { params: Promise.resolve({}) }));
  return { status: response.status, body: (await response.json()) as Json };
}

interface ListView {
  id: string;
  status: string;
  entries: number;
  error: string | null;
  sha256: string;
  publishedAt: string | null;
}

/** The version, once its import has finished. */
async function finished(id: string): Promise<ListView> {
  for (let i = 0; i < 200; i++) {
    const { body } = await call(lists.GET, "GET", "/api/sanctions/lists", admin);
    const item = (body.items as ListView[]).find((l) => l.id === id);
    if (item && item.status !== "importing") return item;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} did not finish`);
}

const unique = () => randomBytes(4).toString("hex");

describe("importing list versions", () => {
  it("imports an SDN file with its alias file, once: the same files again answer the same version", async () => {
    const n = 900_000 + Math.floor(Math.random() * 99_999);
    const wallet = `0x${randomBytes(20).toString("hex")}`;
    const sdn = Buffer.from(
      `${n},"PAK, Chol ${unique()}","individual","DPRK3] [DPRK4",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 01 Jan 1980; Digital Currency Address - ETH ${wallet}; Passport 654${n} (Korea, North); a.k.a. 'BAK, Chol'."\r\n${n + 1},"HAEGUMGANG TRADING ${unique()}",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a`,
      "latin1",
    );
    const alt = Buffer.from(`${n},1,"aka","PARK, Chol",-0- \r\n`);
    const parts: Part[] = [
      { name: "source", value: "ofac_sdn_csv" },
      { name: "file", filename: "sdn.csv", data: sdn },
      { name: "alt", filename: "alt.csv", data: alt },
    ];
    const first = await post(admin, parts);
    expect(first.status).toBe(202);
    const version = await finished(first.body.id as string);
    expect(version).toMatchObject({ status: "done", entries: 2, error: null, publishedAt: null });
    const [entry] = await db
      .select()
      .from(sanctionsEntries)
      .where(eq(sanctionsEntries.entNum, String(n)));
    expect(entry).toMatchObject({ programs: ["DPRK3", "DPRK4"], aliases: ["BAK, Chol", "PARK, Chol"] });
    const keys = await db.select().from(sanctionsKeys).where(eq(sanctionsKeys.entryId, entry!.id));
    expect(keys.map((k) => k.type).sort()).toEqual(["crypto_wallet", "government_id"]);
    // The passport is kept as the persona normaliser keeps one: a keyed hash.
    expect(keys.find((k) => k.type === "government_id")?.normalizedValue).toMatch(/^hmac:/);

    const again = await post(admin, parts);
    expect(again).toEqual({ status: 202, body: { id: first.body.id } });
    expect(
      await db
        .select()
        .from(sanctionsEntries)
        .where(eq(sanctionsEntries.entNum, String(n))),
    ).toHaveLength(1);
    const audited = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, first.body.id as string));
    expect(audited.map((a) => a.action)).toEqual(["sanctions.import"]);
  });

  it("records a file that is not a list as a failed version with the reason, and no entries", async () => {
    const { status, body } = await post(admin, [
      { name: "source", value: "ofac_sdn_csv" },
      {
        name: "file",
        filename: `names-${unique()}.csv`,
        data: Buffer.from(`name,email\nA ${unique()},a@example.com\n`),
      },
    ]);
    expect(status).toBe(202);
    const version = await finished(body.id as string);
    expect(version.status).toBe("failed");
    expect(version.error).toMatch(/row 1 has 2 columns where 12 are expected/);
    expect(await db.select().from(sanctionsEntries).where(eq(sanctionsEntries.listId, version.id))).toEqual([]);
  });

  it("refuses bad forms with field messages, and everyone but an admin", async () => {
    const noSource = await post(admin, [{ name: "file", filename: "sdn.csv", data: Buffer.from("x") }]);
    expect(noSource.status).toBe(400);
    expect(fieldErrors(noSource.body)[0]?.path).toBe("source");
    const noFile = await post(admin, [{ name: "source", value: "ftm" }]);
    expect(fieldErrors(noFile.body)[0]).toMatchObject({ path: "file" });
    const altWithFtm = await post(admin, [
      { name: "source", value: "ftm" },
      { name: "file", filename: "x.json", data: Buffer.from("{}") },
      { name: "alt", filename: "alt.csv", data: Buffer.from("1") },
    ]);
    expect(fieldErrors(altWithFtm.body)[0]).toMatchObject({ path: "alt" });
    expect((await post(investigator, [{ name: "source", value: "ftm" }])).status).toBe(403);
    expect((await call(lists.GET, "GET", "/api/sanctions/lists", investigator)).status).toBe(200);
  });
});

describe("screening a persona", () => {
  const ethWallet = `0x${randomBytes(20).toString("hex")}`;
  const email = `kim.sm.${unique()}@example.org`;
  let listId: string;

  beforeAll(async () => {
    // A far-future publication date: the current FollowTheMoney version whatever else a parallel file imports.
    const lines = [
      { id: `p-${unique()}`, schema: "Person", properties: { name: ["KIM, Sang Man"], email: [email] } },
      { id: `w-${unique()}`, schema: "CryptoWallet", properties: { publicKey: [ethWallet], currency: ["ETH"] } },
    ];
    const { body } = await post(admin, [
      { name: "source", value: "ftm" },
      { name: "publishedAt", value: "2999-12-31" },
      { name: "file", filename: "entities.json", data: Buffer.from(lines.map((l) => JSON.stringify(l)).join("\n")) },
    ]);
    listId = (await finished(body.id as string)).id;
  });

  it("finds a listed wallet written in capitals and a listed e-mail, with the list version", async () => {
    const persona = await makePersona(investigator.actor);
    await giveIdentifier(investigator.actor, persona.id, {
      type: "crypto_wallet",
      value: ethWallet.toUpperCase().replace("0X", "0x"),
      chain: "ETH",
    });
    await giveIdentifier(investigator.actor, persona.id, { type: "email", value: email.toUpperCase() });
    const path = `/api/personas/${persona.id}/sanctions`;
    const { status, body } = await call(personaSanctions.GET, "GET", path, investigator, undefined, { id: persona.id });
    expect(status).toBe(200);
    const items = body.items as { entry: { name: string }; matched: { kind: string }[]; listVersion: { id: string } }[];
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.matched[0]?.kind).sort()).toEqual(["email", "wallet"]);
    expect(items.every((i) => i.listVersion.id === listId)).toBe(true);
    expect(items.find((i) => i.matched[0]?.kind === "email")).toMatchObject({
      entry: { name: "KIM, Sang Man" },
      score: 100,
      status: "open",
    });
  });

  it("answers nothing for a persona with no listed identifier, and 404 to a reader who may not see it", async () => {
    const persona = await makePersona(investigator.actor);
    await giveIdentifier(investigator.actor, persona.id, { type: "email", value: `clean.${unique()}@example.org` });
    const path = `/api/personas/${persona.id}/sanctions`;
    expect((await call(personaSanctions.GET, "GET", path, investigator, undefined, { id: persona.id })).body).toEqual({
      items: [],
      permissions: { judge: true, dismissExact: false },
    });
    const theirCase = await makeCase(investigator.actor);
    const hidden = await makePersona(investigator.actor, { caseId: theirCase.id });
    await giveIdentifier(investigator.actor, hidden.id, { type: "crypto_wallet", value: ethWallet, chain: "ETH" });
    const hiddenPath = `/api/personas/${hidden.id}/sanctions`;
    const refused = await call(personaSanctions.GET, "GET", hiddenPath, outsider, undefined, { id: hidden.id });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain("KIM");
  });

  it("finds a listed name written another way, weaker than an identifier, and does not flag it", async () => {
    const persona = await makePersona(investigator.actor, {
      displayName: "Sang-Man Gim",
      claimedNationality: "North Korea",
    });
    const plain = await makePersona(investigator.actor, { displayName: "Gim Sangman" });
    const screen = async (id: string) =>
      (await call(personaSanctions.GET, "GET", `/api/personas/${id}/sanctions`, investigator, undefined, { id })).body
        .items as { entry: { name: string }; matched: { kind: string; value: string }[]; score: number }[];
    const [hit] = await screen(persona.id);
    expect(hit).toMatchObject({
      entry: { name: "KIM, Sang Man" },
      matched: [{ kind: "name", value: "Sang-Man Gim / KIM, Sang Man" }],
      score: 70,
    });
    expect((await screen(plain.id))[0]?.score).toBe(70);
    expect(await db.select().from(personaRedFlags).where(eq(personaRedFlags.personaId, persona.id))).toEqual([]);
  });

  it("flags a persona in an open case at once, as the system, with one 'Do not pay' task per case", async () => {
    const theCase = await makeCase(investigator.actor);
    const persona = await makePersona(investigator.actor, { caseId: theCase.id });
    await giveIdentifier(investigator.actor, persona.id, { type: "crypto_wallet", value: ethWallet, chain: "ETH" });
    await giveIdentifier(investigator.actor, persona.id, { type: "email", value: email });
    const flags = await db.select().from(personaRedFlags).where(eq(personaRedFlags.personaId, persona.id));
    expect(flags).toEqual([
      expect.objectContaining({
        code: "SANCTIONS_HIT",
        recordedById: null,
        note: expect.stringContaining(`wallet ${ethWallet}`),
      }),
    ]);
    const tasks = await db.select().from(remediationTasks).where(eq(remediationTasks.caseId, theCase.id));
    expect(tasks).toEqual([
      expect.objectContaining({ kind: "stop_payroll", title: "Do not pay: consult counsel on blocking and reporting" }),
    ]);
    const days = (tasks[0]!.dueAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(11);
    expect(days).toBeLessThan(17);
    const [persisted] = await db
      .select({ riskScore: personas.riskScore })
      .from(personas)
      .where(eq(personas.id, persona.id));
    expect(persisted!.riskScore).toBeGreaterThan(0);
  });

  it("screens the personas already holding an identifier when a new version lists it", async () => {
    const theCase = await makeCase(investigator.actor);
    const persona = await makePersona(investigator.actor, { caseId: theCase.id });
    const wallet = `0x${randomBytes(20).toString("hex")}`;
    await giveIdentifier(investigator.actor, persona.id, { type: "crypto_wallet", value: wallet, chain: "ETH" });
    expect(await db.select().from(personaRedFlags).where(eq(personaRedFlags.personaId, persona.id))).toEqual([]);
    const line = {
      id: `w-${unique()}`,
      schema: "CryptoWallet",
      properties: { publicKey: [wallet], currency: ["ETH"] },
    };
    const { body } = await post(admin, [
      { name: "source", value: "ftm" },
      { name: "publishedAt", value: "3000-01-01" },
      { name: "file", filename: "more.json", data: Buffer.from(JSON.stringify(line)) },
    ]);
    await finished(body.id as string);
    await expect
      .poll(async () =>
        (await db.select().from(personaRedFlags).where(eq(personaRedFlags.personaId, persona.id))).map((f) => f.code),
      )
      .toEqual(["SANCTIONS_HIT"]);
  });
});
