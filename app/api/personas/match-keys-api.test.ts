import { randomInt } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents } from "@/db/schema";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { call, fieldErrors, type Who, who } from "@/lib/testing/routes";
import * as settingsRoute from "../admin/settings/route";
import * as casePersonasRoute from "../cases/[id]/personas/route";
import * as personaRoute from "./[id]/route";
import * as identifiersRoute from "./[id]/identifiers/route";

let lead: Who;
let admin: Who;
let caseId: string;

beforeAll(async () => {
  [lead, admin] = await Promise.all([who("investigator", "Keys Lead"), who("admin", "Keys Admin")]);
  caseId = (await makeCase(lead.actor)).id;
});

async function newPersona(displayName: string) {
  const res = await call(
    casePersonasRoute.POST,
    "POST",
    `/api/cases/${caseId}/personas`,
    lead,
    { persona: { displayName }, role: "subject" },
    { id: caseId },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

const addIdentifier = (personaId: string, body: Record<string, unknown>) =>
  call(identifiersRoute.POST, "POST", `/api/personas/${personaId}/identifiers`, lead, body, { id: personaId });

type Added = { id: string; value: string; normalizedValue: string; chain?: string; matches: { total: number } };

describe("identifiers match by key", () => {
  it("correlates a.b.c+x@googlemail.com with abc@gmail.com, each claim keeping what was entered", async () => {
    const word = uniqueWord("k")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
    const [first, second] = [await newPersona("Gmail one"), await newPersona("Gmail two")];
    const a = await addIdentifier(first, { type: "email", value: `a.b.${word}+x@googlemail.com` });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const b = await addIdentifier(second, { type: "email", value: `ab${word}@gmail.com` });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    const added = b.body as Added;
    expect(added).toMatchObject({ id: (a.body as Added).id, value: `ab${word}@gmail.com` });
    expect(added.normalizedValue).toBe(`ab${word}@gmail.com`);
    expect(added.matches.total).toBe(1);

    const detail = await call(personaRoute.GET, "GET", `/api/personas/${first}`, lead, undefined, { id: first });
    const claims = (detail.body as { identifiers: Added[] }).identifiers;
    expect(claims).toEqual([
      expect.objectContaining({ value: `a.b.${word}+x@googlemail.com`, normalizedValue: `ab${word}@gmail.com` }),
    ]);
    expect(claims[0]?.matches.total).toBe(1);
  });

  it("accepts chain BTC with a valid Bitcoin address and refuses a mistyped EIP-55 address", async () => {
    const persona = await newPersona("Wallets");
    const btc = await addIdentifier(persona, {
      type: "crypto_wallet",
      value: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
      chain: "BTC",
    });
    expect(btc.status, JSON.stringify(btc.body)).toBe(201);
    expect(btc.body).toMatchObject({ chain: "bitcoin", normalizedValue: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT" });

    const typo = await addIdentifier(persona, {
      type: "crypto_wallet",
      value: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
      chain: "ETH",
    });
    expect(typo.status).toBe(400);
    expect(typo.body.error?.message).toBe("Not a valid crypto wallet: checksum does not match: probably a typo");
    expect(fieldErrors(typo.body)).toEqual([
      { path: "value", message: "Not a valid crypto wallet: checksum does not match: probably a typo" },
    ]);

    const kept = await addIdentifier(persona, {
      type: "crypto_wallet",
      value: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
      unparsed: true,
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect(kept.body).toMatchObject({ attributes: { unparsed: "true" } });
  });

  it("reads national phone numbers in the organisation's default region unless the request names one", async () => {
    const local = `020 7946 ${String(randomInt(0, 1000)).padStart(3, "0")}${randomInt(0, 10)}`;
    const e164 = `+44${local.replace(/\D/g, "").slice(1)}`;
    const persona = await newPersona("Phones");
    const before = await addIdentifier(persona, { type: "phone", value: local });
    expect(before.status).toBe(400);
    try {
      const saved = await call(settingsRoute.PUT, "PUT", "/api/admin/settings", admin, { defaultPhoneRegion: "gb" });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body).toMatchObject({ defaultPhoneRegion: "GB", updatedBy: { name: "Keys Admin" } });
      const [event] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "settings.update"), eq(auditEvents.actorId, admin.actor.id)))
        .orderBy(desc(auditEvents.seq))
        .limit(1);
      expect(event?.detail).toEqual({ defaultPhoneRegion: { from: null, to: "GB" } });

      const added = await addIdentifier(persona, { type: "phone", value: local });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect(added.body).toMatchObject({ normalizedValue: e164, value: local });
      const other = await newPersona("Phones too");
      const same = await addIdentifier(other, { type: "phone", value: `0044 (0)${local.slice(1)}` });
      expect(same.body).toMatchObject({ normalizedValue: e164, matches: { total: 1 } });
      const us = await addIdentifier(other, { type: "phone", value: "(404) 555-0142", defaultCountry: "US" });
      expect(us.body).toMatchObject({ normalizedValue: "+14045550142" });
    } finally {
      await call(settingsRoute.PUT, "PUT", "/api/admin/settings", admin, { defaultPhoneRegion: null });
    }
  });
});

describe("organisation settings API", () => {
  it("lets admins read and save the default region, refuses others and bad regions", async () => {
    const read = await call(settingsRoute.GET, "GET", "/api/admin/settings", admin);
    expect(read.status).toBe(200);
    expect(read.body).toHaveProperty("defaultPhoneRegion");
    expect((await call(settingsRoute.GET, "GET", "/api/admin/settings", lead)).status).toBe(403);
    expect(
      (await call(settingsRoute.PUT, "PUT", "/api/admin/settings", lead, { defaultPhoneRegion: "GB" })).status,
    ).toBe(403);
    const bad = await call(settingsRoute.PUT, "PUT", "/api/admin/settings", admin, { defaultPhoneRegion: "XX" });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.body)).toEqual([
      { path: "defaultPhoneRegion", message: "A two-letter country code such as US or GB" },
    ]);
  });
});
