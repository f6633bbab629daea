import { beforeAll, describe, expect, it } from "vitest";
import { makeCase } from "@/lib/testing/cases";
import { disableUser } from "@/lib/testing/factories";
import { uniqueValue } from "@/lib/testing/personas";
import { call, type SignedIn, type Who, who } from "@/lib/testing/routes";
import { signedIn } from "@/lib/testing/session";
import * as notesRoute from "./cases/[id]/notes/route";
import * as caseRoute from "./cases/[id]/route";
import * as casePersonasRoute from "./cases/[id]/personas/route";
import * as meRoute from "./me/route";
import * as identifierRoute from "./personas/[id]/identifiers/[identifierId]/route";
import * as identifiersRoute from "./personas/[id]/identifiers/route";
import * as personaRoute from "./personas/[id]/route";

// The browser's way in: a session cookie from a real sign-in through auth.ts, read by the real
// auth() inside the handler's request scope. Each answer is held against the same user's API token.

let lead: Who;
let leadCookie: SignedIn;
let outsider: Who;
let outsiderCookie: SignedIn;
let caseId: string;

beforeAll(async () => {
  [lead, outsider] = await Promise.all([who("investigator", "Session Lead"), who("investigator", "Session Outsider")]);
  [leadCookie, outsiderCookie] = await Promise.all([signedIn(lead.actor), signedIn(outsider.actor)]);
  caseId = (await makeCase(lead.actor)).id;
});

/** A note without what differs between two notes written the same way. */
const sameNote = ({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;

async function personaWithIdentifiers(count: number) {
  const persona = await call(
    casePersonasRoute.POST,
    "POST",
    `/api/cases/${caseId}/personas`,
    lead,
    { persona: { displayName: "Session persona" } },
    { id: caseId },
  );
  expect(persona.status).toBe(201);
  const personaId = persona.body.id as string;
  const identifierIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const added = await call(
      identifiersRoute.POST,
      "POST",
      `/api/personas/${personaId}/identifiers`,
      lead,
      { type: "email", value: uniqueValue.email() },
      { id: personaId },
    );
    expect(added.status).toBe(201);
    identifierIds.push(added.body.id as string);
  }
  return { personaId, identifierIds };
}

describe("the API with a session cookie", () => {
  it("knows who signed in", async () => {
    const me = await call(meRoute.GET, "GET", "/api/me", leadCookie);
    expect(me).toEqual({
      status: 200,
      body: { id: lead.actor.id, email: lead.actor.email, name: "Session Lead", role: "investigator" },
    });
  });

  it("reads a case as the token does, and hides it from a non-member the same way", async () => {
    const path = `/api/cases/${caseId}`;
    const byToken = await call(caseRoute.GET, "GET", path, lead, undefined, { id: caseId });
    expect(byToken.status).toBe(200);
    expect(await call(caseRoute.GET, "GET", path, leadCookie, undefined, { id: caseId })).toEqual(byToken);
    const hiddenByToken = await call(caseRoute.GET, "GET", path, outsider, undefined, { id: caseId });
    expect(hiddenByToken.status).toBe(404);
    expect(await call(caseRoute.GET, "GET", path, outsiderCookie, undefined, { id: caseId })).toEqual(hiddenByToken);
  });

  it("creates a note as the token does, authored by the signed-in user; an empty note is the same 400", async () => {
    const path = `/api/cases/${caseId}/notes`;
    const byToken = await call(
      notesRoute.POST,
      "POST",
      path,
      lead,
      { body: "Seen on the payroll call" },
      { id: caseId },
    );
    const byCookie = await call(
      notesRoute.POST,
      "POST",
      path,
      leadCookie,
      { body: "Seen on the payroll call" },
      { id: caseId },
    );
    expect(byCookie.status).toBe(201);
    expect(sameNote(byCookie.body)).toEqual(sameNote(byToken.body));
    expect(byCookie.body.author).toEqual({ id: lead.actor.id, name: "Session Lead", email: lead.actor.email });
    const listed = await call(notesRoute.GET, "GET", path, leadCookie, undefined, { id: caseId });
    expect((listed.body.items as { id: string }[]).map((n) => n.id)).toEqual(
      expect.arrayContaining([byToken.body.id, byCookie.body.id]),
    );

    const emptyByToken = await call(notesRoute.POST, "POST", path, lead, { body: "" }, { id: caseId });
    expect(emptyByToken.status).toBe(400);
    expect(await call(notesRoute.POST, "POST", path, leadCookie, { body: "" }, { id: caseId })).toEqual(emptyByToken);
  });

  it("deletes an identifier as the token does (204), and a second delete is the same 404", async () => {
    const { personaId, identifierIds } = await personaWithIdentifiers(2);
    const [first, second] = identifierIds as [string, string];
    const remove = (caller: Who | SignedIn, identifierId: string) =>
      call(
        identifierRoute.DELETE,
        "DELETE",
        `/api/personas/${personaId}/identifiers/${identifierId}`,
        caller,
        undefined,
        { id: personaId, identifierId },
      );
    const byToken = await remove(lead, first);
    expect(byToken).toEqual({ status: 204, body: null });
    expect(await remove(leadCookie, second)).toEqual(byToken);
    const persona = await call(personaRoute.GET, "GET", `/api/personas/${personaId}`, leadCookie, undefined, {
      id: personaId,
    });
    expect(persona.body.identifiers).toEqual([]);
    const againByToken = await remove(lead, first);
    expect(againByToken.status).toBe(404);
    expect(await remove(leadCookie, second)).toEqual(againByToken);
  });

  it("answers 401 with no cookie, a forged cookie, or the cookie of a user disabled since", async () => {
    const path = `/api/cases/${caseId}`;
    const unauthenticated = await call(caseRoute.GET, "GET", path, null, undefined, { id: caseId });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.error?.code).toBe("unauthorized");
    const [name, value] = leadCookie.cookie.split("=") as [string, string];
    const forged = {
      actor: lead.actor,
      cookie: `${name}=${value.slice(0, -4)}${value.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`,
    };
    expect(await call(caseRoute.GET, "GET", path, forged, undefined, { id: caseId })).toEqual(unauthenticated);

    const leaver = await who("investigator");
    const leaverCookie = await signedIn(leaver.actor);
    expect((await call(meRoute.GET, "GET", "/api/me", leaverCookie)).status).toBe(200);
    await disableUser(leaver.actor.id);
    expect(await call(meRoute.GET, "GET", "/api/me", leaverCookie)).toEqual(
      await call(meRoute.GET, "GET", "/api/me", null),
    );
  });

  it("refuses a change sent with the cookie from another origin (403) and writes nothing", async () => {
    const path = `/api/cases/${caseId}/notes`;
    const before = await call(notesRoute.GET, "GET", path, leadCookie, undefined, { id: caseId });
    const planted = await call(
      notesRoute.POST,
      "POST",
      path,
      leadCookie,
      { body: "Planted by another site" },
      { id: caseId },
      { origin: "http://evil.example" },
    );
    expect(planted.status).toBe(403);
    expect(planted.body.error?.code).toBe("forbidden");
    expect((await call(notesRoute.GET, "GET", path, leadCookie, undefined, { id: caseId })).body.total).toBe(
      before.body.total,
    );
  });
});
