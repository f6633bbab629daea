import { beforeAll, describe, expect, it } from "vitest";
import { makeCase } from "@/lib/testing/cases";
import { uniqueValue } from "@/lib/testing/personas";
import { call, type Caller, fieldErrors, type Who, who } from "@/lib/testing/routes";
import * as casePersonaRoute from "../cases/[id]/personas/[personaId]/route";
import * as casePersonasRoute from "../cases/[id]/personas/route";
import * as identifierRoute from "./[id]/identifiers/[identifierId]/route";
import * as identifiersRoute from "./[id]/identifiers/route";
import * as redFlagRoute from "./[id]/red-flags/[code]/route";
import * as redFlagsRoute from "./[id]/red-flags/route";
import * as personaRoute from "./[id]/route";

// Removing identifiers, recording and removing red flags, detaching a persona from a case.

let lead: Who;
let outsider: Who;
let manager: Who;
let legal: Who;
let caseId: string;

beforeAll(async () => {
  [lead, outsider, manager, legal] = await Promise.all([
    who("investigator", "Changes Lead"),
    who("investigator"),
    who("manager"),
    who("legal"),
  ]);
  caseId = (await makeCase(lead.actor)).id;
});

async function newPersona(displayName = "Changes persona"): Promise<string> {
  const res = await call(
    casePersonasRoute.POST,
    "POST",
    `/api/cases/${caseId}/personas`,
    lead,
    { persona: { displayName } },
    { id: caseId },
  );
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function addEmail(personaId: string, value = uniqueValue.email()): Promise<string> {
  const res = await call(
    identifiersRoute.POST,
    "POST",
    `/api/personas/${personaId}/identifiers`,
    lead,
    { type: "email", value },
    { id: personaId },
  );
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function persona(personaId: string) {
  const res = await call(personaRoute.GET, "GET", `/api/personas/${personaId}`, lead, undefined, { id: personaId });
  expect(res.status).toBe(200);
  return res.body as {
    identifiers: { id: string }[];
    redFlags: { code: string }[];
    riskScore: number;
    cases: { id: string }[];
  };
}

describe("DELETE /api/personas/{id}/identifiers/{identifierId}", () => {
  const remove = (caller: Caller | null, personaId: string, identifierId: string) =>
    call(
      identifierRoute.DELETE,
      "DELETE",
      `/api/personas/${personaId}/identifiers/${identifierId}`,
      caller,
      undefined,
      { id: personaId, identifierId },
    );

  it("takes the identifier off this persona only (204); another persona's claim to it stays", async () => {
    const [mine, sibling] = [await newPersona(), await newPersona()];
    const email = uniqueValue.email();
    const identifierId = await addEmail(mine, email);
    expect(await addEmail(sibling, email)).toBe(identifierId);
    expect(await remove(lead, mine, identifierId)).toEqual({ status: 204, body: null });
    expect((await persona(mine)).identifiers).toEqual([]);
    expect((await persona(sibling)).identifiers.map((i) => i.id)).toEqual([identifierId]);
    expect((await remove(lead, mine, identifierId)).status).toBe(404);
  });

  it("answers 400 naming the bad path parameter", async () => {
    const personaId = await newPersona();
    const res = await remove(lead, personaId, "not-a-uuid");
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)).toEqual([expect.objectContaining({ path: "identifierId" })]);
  });

  it("answers 401 without credentials, 404 to a non-member, 403 to roles that may not edit personas; the identifier stays", async () => {
    const personaId = await newPersona();
    const identifierId = await addEmail(personaId);
    expect((await remove(null, personaId, identifierId)).status).toBe(401);
    const hidden = await remove(outsider, personaId, identifierId);
    expect([hidden.status, hidden.body.error?.code]).toEqual([404, "not_found"]);
    for (const caller of [manager, legal]) {
      const refused = await remove(caller, personaId, identifierId);
      expect([caller.actor.role, refused.status, refused.body.error?.code]).toEqual([
        caller.actor.role,
        403,
        "forbidden",
      ]);
    }
    expect((await persona(personaId)).identifiers.map((i) => i.id)).toEqual([identifierId]);
  });
});

describe("POST /api/personas/{id}/red-flags and DELETE /api/personas/{id}/red-flags/{code}", () => {
  const record = (caller: Caller | null, personaId: string, body: unknown) =>
    call(redFlagsRoute.POST, "POST", `/api/personas/${personaId}/red-flags`, caller, body, { id: personaId });
  const clear = (caller: Caller | null, personaId: string, code: string) =>
    call(redFlagRoute.DELETE, "DELETE", `/api/personas/${personaId}/red-flags/${code}`, caller, undefined, {
      id: personaId,
      code,
    });

  it("records a flag (201, the risk score follows), refuses it twice (409), and removes it (200, the score falls back)", async () => {
    const personaId = await newPersona();
    const added = await record(lead, personaId, { code: "IP_KVM", note: "PiKVM on the laptop" });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      id: personaId,
      riskScore: 30,
      redFlags: [expect.objectContaining({ code: "IP_KVM", weight: 30, note: "PiKVM on the laptop" })],
    });
    const twice = await record(lead, personaId, { code: "IP_KVM" });
    expect([twice.status, twice.body.error?.code]).toEqual([409, "conflict"]);

    const removed = await clear(lead, personaId, "IP_KVM");
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: personaId, riskScore: 0, redFlags: [] });
    expect((await clear(lead, personaId, "IP_KVM")).status).toBe(404);
  });

  it("answers 400 naming the field: an unknown code in the body, a malformed code in the path", async () => {
    const personaId = await newPersona();
    const unknown = await record(lead, personaId, { code: "LOOKS_ODD" });
    expect(unknown.status).toBe(400);
    expect(fieldErrors(unknown.body)).toEqual([
      expect.objectContaining({ path: "code", message: expect.stringContaining("IP_KVM") }),
    ]);
    const extra = await record(lead, personaId, { code: "NO_VIDEO", score: 100 });
    expect(extra.status).toBe(400);
    const malformed = await clear(lead, personaId, "ip-kvm");
    expect(malformed.status).toBe(400);
    expect(fieldErrors(malformed.body)).toEqual([expect.objectContaining({ path: "code" })]);
    expect((await persona(personaId)).redFlags).toEqual([]);
  });

  it("answers 401 without credentials, 404 to a non-member, 403 to roles that may not edit personas; flags stay as they were", async () => {
    const personaId = await newPersona();
    expect((await record(lead, personaId, { code: "CRYPTO_PAYOUT" })).status).toBe(201);
    expect((await record(null, personaId, { code: "NO_VIDEO" })).status).toBe(401);
    expect((await clear(null, personaId, "CRYPTO_PAYOUT")).status).toBe(401);
    for (const attempt of [
      record(outsider, personaId, { code: "NO_VIDEO" }),
      clear(outsider, personaId, "CRYPTO_PAYOUT"),
    ]) {
      const res = await attempt;
      expect([res.status, res.body.error?.code]).toEqual([404, "not_found"]);
    }
    for (const caller of [manager, legal]) {
      for (const res of [
        await record(caller, personaId, { code: "NO_VIDEO" }),
        await clear(caller, personaId, "CRYPTO_PAYOUT"),
      ]) {
        expect([caller.actor.role, res.status, res.body.error?.code]).toEqual([caller.actor.role, 403, "forbidden"]);
      }
    }
    const after = await persona(personaId);
    expect([after.redFlags.map((f) => f.code), after.riskScore]).toEqual([["CRYPTO_PAYOUT"], 15]);
  });
});

describe("DELETE /api/cases/{id}/personas/{personaId}", () => {
  const detach = (caller: Caller | null, personaId: string, id = caseId) =>
    call(casePersonaRoute.DELETE, "DELETE", `/api/cases/${id}/personas/${personaId}`, caller, undefined, {
      id,
      personaId,
    });
  const inCase = async () => {
    const res = await call(casePersonasRoute.GET, "GET", `/api/cases/${caseId}/personas`, lead, undefined, {
      id: caseId,
    });
    return (res.body.items as { id: string }[]).map((p) => p.id);
  };

  it("detaches the persona (204); the persona itself stays, in no case; a second detach is 404", async () => {
    const personaId = await newPersona();
    expect(await detach(lead, personaId)).toEqual({ status: 204, body: null });
    expect(await inCase()).not.toContain(personaId);
    expect((await persona(personaId)).cases).toEqual([]);
    expect((await detach(lead, personaId)).status).toBe(404);
  });

  it("answers 400 naming the bad path parameter", async () => {
    const res = await detach(lead, "not-a-uuid");
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)).toEqual([expect.objectContaining({ path: "personaId" })]);
  });

  it("answers 401 without credentials, 404 to a non-member, 403 to a manager who sees the case; the persona stays attached", async () => {
    const personaId = await newPersona();
    expect((await detach(null, personaId)).status).toBe(401);
    const hidden = await detach(outsider, personaId);
    expect([hidden.status, hidden.body.error?.code]).toEqual([404, "not_found"]);
    const refused = await detach(manager, personaId);
    expect([refused.status, refused.body.error?.code]).toEqual([403, "forbidden"]);
    expect(await inCase()).toContain(personaId);
  });
});
