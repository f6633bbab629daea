import { multipart, uploadRequest } from "@/lib/testing/evidence";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as createCaseRoute } from "@/app/api/cases/route";
import { POST as uploadRoute } from "@/app/api/cases/[id]/evidence/route";
import { POST as verifyRoute } from "@/app/api/evidence/[id]/verify/route";
import { GET as meRoute } from "@/app/api/me/route";
import { DELETE as revokeTokenRoute } from "@/app/api/tokens/[id]/route";
import { db } from "@/db";
import { cases, evidence } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens";

// The session cookie, as Auth.js would read it: whoever `session.userId` names is signed in.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId } } : null),
  handlers: {},
  signIn: async () => {},
  signOut: async () => {},
}));

const APP = "http://localhost:3000";
// lib/testing/evidence's upload requests go to http://localhost, without a port.
const UPLOAD_APP = "http://localhost";
type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let lead: Actor;
let token: string;

beforeAll(async () => {
  lead = await makeActor("investigator");
  token = (await createToken({ actor: lead, input: { name: "cross-origin test" } })).token;
});

beforeEach(() => {
  session.userId = lead.id;
});

function send(
  route: Route,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
  params: Record<string, string> = {},
) {
  const all = body === undefined ? headers : { "content-type": "application/json", ...headers };
  const request = new Request(`${APP}${path}`, {
    method,
    headers: all,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return route(request, { params: Promise.resolve(params) });
}

async function expectForbidden(response: Response) {
  expect(response.status).toBe(403);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error).toEqual({ code: "forbidden", message: expect.stringMatching(/\S/) });
}

async function casesTitled(title: string) {
  return db.select({ id: cases.id }).from(cases).where(eq(cases.title, title));
}

const foreign = [
  ["no Origin and no Sec-Fetch-Site", {}],
  ["another port of the same host", { origin: "http://localhost:3001" }],
  ["a sibling subdomain", { origin: "http://evil.localhost:3000" }],
  ["another scheme", { origin: "https://localhost:3000" }],
  ["an opaque origin", { origin: "null" }],
  ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
] as const;

describe("a change made with the session cookie", () => {
  it.each(foreign)("is refused with 403 from %s, and nothing is written", async (_what, headers) => {
    const title = `Planted ${randomBytes(6).toString("hex")}`;
    await expectForbidden(await send(createCaseRoute, "POST", "/api/cases", headers, { title }));
    expect(await casesTitled(title)).toEqual([]);
  });

  it("is accepted from the app's own origin, or with Sec-Fetch-Site: same-origin when Origin is missing", async () => {
    expect(
      (await send(createCaseRoute, "POST", "/api/cases", { origin: APP }, { title: "From our page" })).status,
    ).toBe(201);
    expect(
      (
        await send(
          createCaseRoute,
          "POST",
          "/api/cases",
          { "sec-fetch-site": "same-origin" },
          { title: "From an older browser" },
        )
      ).status,
    ).toBe(201);
  });

  it("is judged against the host the browser used, behind a reverse proxy too", async () => {
    const proxied = { host: "10.0.0.5:3000", "x-forwarded-host": "casework.example.org", "x-forwarded-proto": "https" };
    expect(
      (
        await send(
          createCaseRoute,
          "POST",
          "/api/cases",
          { ...proxied, origin: "https://casework.example.org" },
          { title: "Proxied" },
        )
      ).status,
    ).toBe(201);
    await expectForbidden(
      await send(
        createCaseRoute,
        "POST",
        "/api/cases",
        { ...proxied, origin: "http://10.0.0.5:3000" },
        { title: "Proxied" },
      ),
    );
  });

  it("covers a multipart upload: a planted exhibit is refused before the body is read", async () => {
    const c = await makeCase(lead);
    const body = multipart([
      { name: "title", value: "Planted exhibit" },
      { name: "file", filename: "planted.txt", type: "text/plain", data: Buffer.from("planted") },
    ]);
    const request = uploadRequest(c.id, body, { headers: { origin: "http://localhost:8080" } });
    await expectForbidden(await uploadRoute(request, { params: Promise.resolve({ id: c.id }) }));
    expect(await db.select({ id: evidence.id }).from(evidence).where(eq(evidence.caseId, c.id))).toEqual([]);

    const own = uploadRequest(c.id, body, { headers: { origin: UPLOAD_APP } });
    expect((await uploadRoute(own, { params: Promise.resolve({ id: c.id }) })).status).toBe(201);
  });

  it("covers body-less POSTs and DELETEs", async () => {
    const c = await makeCase(lead);
    const own = uploadRequest(
      c.id,
      multipart([{ name: "file", filename: "a.txt", type: "text/plain", data: Buffer.from("a") }]),
      { headers: { origin: UPLOAD_APP } },
    );
    const { id: evidenceId } = (await (await uploadRoute(own, { params: Promise.resolve({ id: c.id }) })).json()) as {
      id: string;
    };
    await expectForbidden(
      await send(
        verifyRoute,
        "POST",
        `/api/evidence/${evidenceId}/verify`,
        { origin: "http://evil.localhost:3000" },
        undefined,
        { id: evidenceId },
      ),
    );
    expect(
      (
        await send(verifyRoute, "POST", `/api/evidence/${evidenceId}/verify`, { origin: APP }, undefined, {
          id: evidenceId,
        })
      ).status,
    ).toBe(200);

    const { id: tokenId } = await createToken({ actor: lead, input: { name: "to revoke" } });
    await expectForbidden(
      await send(revokeTokenRoute, "DELETE", `/api/tokens/${tokenId}`, {}, undefined, { id: tokenId }),
    );
    expect(
      (await send(revokeTokenRoute, "DELETE", `/api/tokens/${tokenId}`, { origin: APP }, undefined, { id: tokenId }))
        .status,
    ).toBe(200);
  });
});

describe("what the check leaves alone", () => {
  it("reads with the session from anywhere, as before", async () => {
    const response = await send(meRoute, "GET", "/api/me", { origin: "http://localhost:3001" });
    expect(response.status).toBe(200);
  });

  it("does not apply to bearer tokens, which a browser never attaches on its own", async () => {
    session.userId = null;
    const response = await send(
      createCaseRoute,
      "POST",
      "/api/cases",
      { authorization: `Bearer ${token}`, origin: "http://localhost:3001" },
      { title: "From a script" },
    );
    expect(response.status).toBe(201);
  });

  it("answers 401, not 403, when there is no session at all", async () => {
    session.userId = null;
    const response = await send(
      createCaseRoute,
      "POST",
      "/api/cases",
      { origin: "http://localhost:3001" },
      { title: "Nobody" },
    );
    expect(response.status).toBe(401);
  });
});
