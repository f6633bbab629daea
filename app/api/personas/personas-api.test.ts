import { beforeAll, describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { makeCase } from "@/lib/testing/cases";
import { uniqueValue } from "@/lib/testing/personas";
import { call, fieldErrors, type Who, who } from "@/lib/testing/routes";
import * as caseGraphRoute from "../cases/[id]/graph/route";
import * as casePersonasRoute from "../cases/[id]/personas/route";
import * as networksRoute from "../networks/route";
import * as linkRoute from "../persona-links/[id]/route";
import * as linksRoute from "../persona-links/route";
import * as screenRoute from "../screen/route";
import * as graphRoute from "./[id]/graph/route";
import * as identifiersRoute from "./[id]/identifiers/route";
import * as personaLinksRoute from "./[id]/links/route";
import * as personaRoute from "./[id]/route";
import * as personasRoute from "./route";

let lead: Who;
let other: Who;
let manager: Who;
let caseA: string;
let caseB: string;

beforeAll(async () => {
  [lead, other, manager] = await Promise.all([
    who("investigator", "Api Lead"),
    who("investigator", "Api Other"),
    who("manager"),
  ]);
  caseA = (await makeCase(lead.actor)).id;
  caseB = (await makeCase(other.actor)).id;
});

async function newPersona(owner: Who, caseId: string, displayName = "Api persona") {
  const res = await call(
    casePersonasRoute.POST,
    "POST",
    `/api/cases/${caseId}/personas`,
    owner,
    { persona: { displayName }, role: "subject" },
    { id: caseId },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; displayName: string; role: string };
}

describe("personas API", () => {
  it("creates, lists and reads personas in camelCase", async () => {
    const res = await call(personasRoute.POST, "POST", "/api/personas", lead, {
      displayName: "Sam Api",
      aliases: ["S."],
      claimedTimezone: "Europe/Warsaw",
      caseId: caseA,
      role: "associate",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      displayName: "Sam Api",
      aliases: ["S."],
      claimedTimezone: "Europe/Warsaw",
      cases: [expect.objectContaining({ id: caseA, role: "associate" })],
    });
    const id = res.body.id as string;
    const got = await call(personaRoute.GET, "GET", `/api/personas/${id}`, lead, undefined, { id });
    expect(got.status).toBe(200);
    expect((await call(personaRoute.GET, "GET", `/api/personas/${id}`, other, undefined, { id })).status).toBe(404);
    const patched = await call(
      personaRoute.PATCH,
      "PATCH",
      `/api/personas/${id}`,
      lead,
      { version: 1, status: "stolen_identity_victim" },
      { id },
    );
    expect(patched.body).toMatchObject({ status: "stolen_identity_victim", version: 2 });
    const list = await call(personasRoute.GET, "GET", "/api/personas?q=Sam%20Api&status=stolen_identity_victim", lead);
    expect(list.body.items).toEqual([expect.objectContaining({ id })]);
    expect((await call(personasRoute.GET, "GET", "/api/personas", null)).status).toBe(401);
  });

  it("adds an identifier: 201 with the normalised identifier and its matches; bad values 400 naming the format", async () => {
    const mine = await newPersona(lead, caseA);
    const theirs = await newPersona(other, caseB);
    const phone = uniqueValue.phone();
    const first = await call(
      identifiersRoute.POST,
      "POST",
      "/x",
      other,
      { type: "phone", value: phone },
      { id: theirs.id },
    );
    expect(first.status).toBe(201);
    const res = await call(
      identifiersRoute.POST,
      "POST",
      "/x",
      lead,
      { type: "phone", value: phone, confidence: 80 },
      { id: mine.id },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: first.body.id,
      type: "phone",
      value: phone,
      normalizedValue: phone.replace(/ /g, ""),
      confidence: 80,
    });
    expect(res.body).not.toHaveProperty("chain");
    expect(res.body.matches).toEqual({
      personas: [],
      total: 0,
      hidden: { personas: 1, cases: 1, leads: ["Api Other"] },
      message: "Matches 1 persona in 1 case you cannot access (lead: Api Other)",
    });

    const bad = await call(identifiersRoute.POST, "POST", "/x", lead, { type: "phone", value: "12" }, { id: mine.id });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/expected an international phone number like \+1 202 555 0147 \(E\.164\)/);
    expect(bad.body.error?.details).toEqual([expect.objectContaining({ path: "value" })]);
    const wallet = await call(
      identifiersRoute.POST,
      "POST",
      "/x",
      lead,
      { type: "crypto_wallet", value: "0x123" },
      { id: mine.id },
    );
    expect(wallet.status).toBe(400);
    expect(wallet.body.error?.message).toMatch(/EVM address \(0x and 40 hex digits\)/);
    const wrongType = await call(
      identifiersRoute.POST,
      "POST",
      "/x",
      lead,
      { type: "fax", value: "1" },
      { id: mine.id },
    );
    expect(wrongType.status).toBe(400);
  });

  it("links personas; self and duplicate links answer 400", async () => {
    const a = await newPersona(lead, caseA);
    const b = await newPersona(lead, caseA);
    const created = await call(linksRoute.POST, "POST", "/api/persona-links", lead, {
      fromPersonaId: a.id,
      toPersonaId: b.id,
      relation: "referred_by",
      rationale: "Referral form",
    });
    expect(created.status).toBe(201);
    const self = await call(linksRoute.POST, "POST", "/api/persona-links", lead, {
      fromPersonaId: a.id,
      toPersonaId: a.id,
    });
    expect(self.status).toBe(400);
    const dup = await call(linksRoute.POST, "POST", "/api/persona-links", lead, {
      fromPersonaId: b.id,
      toPersonaId: a.id,
      relation: "referred_by",
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error?.message).toMatch(/already linked/);
    const listed = await call(personaLinksRoute.GET, "GET", "/x", lead, undefined, { id: a.id });
    expect(listed.body).toMatchObject({
      links: [expect.objectContaining({ id: created.body.id, relation: "referred_by" })],
      suggestions: [],
    });
    const id = created.body.id as string;
    expect((await call(linkRoute.PATCH, "PATCH", "/x", lead, { confidence: 70 }, { id })).body).toMatchObject({
      confidence: 70,
    });
    expect((await call(linkRoute.DELETE, "DELETE", "/x", lead, undefined, { id })).status).toBe(204);
  });

  it("serves graphs and refuses depth 10", async () => {
    const p = await newPersona(lead, caseA);
    const ok = await call(graphRoute.GET, "GET", `/api/personas/${p.id}/graph?depth=2`, lead, undefined, { id: p.id });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      nodes: [expect.objectContaining({ kind: "persona", personaId: p.id })],
      edges: [],
      truncated: false,
    });
    const deep = await call(graphRoute.GET, "GET", `/api/personas/${p.id}/graph?depth=10`, lead, undefined, {
      id: p.id,
    });
    expect(deep.status).toBe(400);
    expect(fieldErrors(deep.body)[0]).toMatchObject({ path: "depth", message: expect.stringContaining("1, 2 or 3") });
    const caseView = await call(caseGraphRoute.GET, "GET", "/x", lead, undefined, { id: caseA });
    expect(caseView.status).toBe(200);
    expect((await call(caseGraphRoute.GET, "GET", "/x", other, undefined, { id: caseA })).status).toBe(404);
  });

  it("screens a list, and answers 400 (not 413) to 100,000 rows", async () => {
    const res = await call(screenRoute.POST, "POST", "/api/screen", lead, {
      identifiers: [{ type: "email", value: "nobody@example.test" }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ summary: { total: 1, valid: 1, invalid: 0, hits: 0 } });
    const rows = Array.from({ length: 100_000 }, (_v, i) => ({ type: "email", value: `applicant${i}@example.test` }));
    const big = await call(screenRoute.POST, "POST", "/api/screen", lead, { identifiers: rows });
    expect(big.status).toBe(400);
    expect(fieldErrors(big.body)[0]?.message).toMatch(/At most 10,000 identifiers/);
    expect((await call(screenRoute.POST, "POST", "/api/screen", manager, { identifiers: [] })).status).toBe(403);
  });

  it("refuses a manager's screening before reading the body, and caps the body at 32 MB for others", async () => {
    // A body the handler would refuse (415) if it read it: the 403 comes first.
    const notJson = new Request("http://localhost/api/screen", {
      method: "POST",
      headers: { authorization: `Bearer ${manager.token}`, "content-type": "text/plain" },
      body: "x",
    });
    expect((await screenRoute.POST(notJson, { params: Promise.resolve({}) })).status).toBe(403);
    const tooBig = new Request("http://localhost/api/screen", {
      method: "POST",
      headers: {
        authorization: `Bearer ${lead.token}`,
        "content-type": "application/json",
        "content-length": String(33 * 1024 * 1024),
      },
      body: "{}",
    });
    expect((await screenRoute.POST(tooBig, { params: Promise.resolve({}) })).status).toBe(413);
  });

  it("lists networks", async () => {
    const res = await call(networksRoute.GET, "GET", "/api/networks?pageSize=5", manager);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 5, total: expect.any(Number) });
    // Two of the lead's personas sharing a wallet form a network, found by either member.
    const [a, b] = [await newPersona(lead, caseA), await newPersona(lead, caseA)];
    const wallet = uniqueValue.wallet();
    for (const p of [a, b])
      expect(
        (
          await call(
            identifiersRoute.POST,
            "POST",
            "/x",
            lead,
            { type: "crypto_wallet", value: wallet, chain: "ethereum" },
            { id: p.id },
          )
        ).status,
      ).toBe(201);
    const mine = await call(networksRoute.GET, "GET", `/api/networks?personaId=${b.id}`, lead);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 1, items: [{ size: 2 }] });
    expect((mine.body.items as { members: { id: string }[] }[])[0]!.members.map((m) => m.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect((await call(networksRoute.GET, "GET", "/api/networks?pageSize=0", lead)).status).toBe(400);
  });

  it("documents every persona and graph route in the OpenAPI document", async () => {
    const doc = (await openapi().json()) as { paths: Record<string, Record<string, unknown>> };
    const expected: Record<string, string[]> = {
      "/api/personas": ["get", "post"],
      "/api/personas/{id}": ["get", "patch"],
      "/api/personas/{id}/identifiers": ["post"],
      "/api/personas/{id}/identifiers/{identifierId}": ["delete"],
      "/api/persona-links": ["post"],
      "/api/persona-links/{id}": ["delete", "patch"],
      "/api/cases/{id}/personas": ["get", "post"],
      "/api/personas/{id}/graph": ["get"],
      "/api/cases/{id}/graph": ["get"],
      "/api/screen": ["post"],
      "/api/networks": ["get"],
    };
    for (const [path, methods] of Object.entries(expected))
      expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual(methods);
  });
});
