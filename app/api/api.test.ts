import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as catchAll, POST as catchAllPost } from "@/app/api/[...path]/route";
import { GET as health } from "@/app/api/health/route";
import { GET as me } from "@/app/api/me/route";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "@/app/api/tokens/route";
import { PATCH as patchUser } from "@/app/api/users/[id]/route";
import { POST as postUser } from "@/app/api/users/route";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { makeActor, TEST_PASSWORD, uniqueEmail } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

const BASE = "http://localhost";
const noParams = { params: Promise.resolve({}) };

let admin: Actor;
let adminToken: string;
let investigatorToken: string;

beforeAll(async () => {
  admin = await makeActor("admin");
  adminToken = (await createToken({ actor: admin, input: { name: "api test" } })).token;
  const investigator = await makeActor("investigator");
  investigatorToken = (await createToken({ actor: investigator, input: { name: "api test" } })).token;
});

function request(
  path: string,
  {
    token,
    method = "GET",
    body,
    type = "application/json",
  }: { token?: string; method?: string; body?: string; type?: string } = {},
) {
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (body !== undefined) headers.set("content-type", type);
  return new Request(`${BASE}${path}`, { method, headers, body });
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

const newUser = (email: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ email, name: "Api User", role: "investigator", password: TEST_PASSWORD, ...extra });

async function userExists(email: string): Promise<boolean> {
  return (await db.select({ id: users.id }).from(users).where(eq(users.email, email))).length > 0;
}

describe("authentication", () => {
  it("answers 401 in the error shape without credentials", async () => {
    await expectError(await me(new Request(`${BASE}/api/me`), noParams), 401, "unauthorized");
  });

  it.each([
    ["an unknown bearer token", "Bearer nope"],
    ["a well-formed token that was never issued", `Bearer cwk_${"A".repeat(43)}`],
    ["another scheme", "Basic dXNlcjpwYXNz"],
  ])("answers 401 in the error shape for %s", async (_what, authorization) => {
    const response = await me(new Request(`${BASE}/api/me`, { headers: { authorization } }), noParams);
    await expectError(response, 401, "unauthorized");
  });

  it("answers with the token's owner for a valid token", async () => {
    const response = await me(request("/api/me", { token: adminToken }), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: admin.id, email: admin.email, name: admin.name, role: "admin" });
  });
});

describe("POST /api/users", () => {
  it("creates a user for an admin with 201", async () => {
    const email = uniqueEmail("api");
    const response = await postUser(
      request("/api/users", { token: adminToken, method: "POST", body: newUser(email.toUpperCase()) }),
      noParams,
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ email, role: "investigator", disabled: false });
    expect(await userExists(email)).toBe(true);
  });

  it("answers 403 to an investigator", async () => {
    const email = uniqueEmail("api403");
    const response = await postUser(
      request("/api/users", { token: investigatorToken, method: "POST", body: newUser(email) }),
      noParams,
    );
    await expectError(response, 403, "forbidden");
    expect(await userExists(email)).toBe(false);
  });

  it("answers 400 to malformed JSON", async () => {
    const email = uniqueEmail("api400");
    const response = await postUser(
      request("/api/users", { token: adminToken, method: "POST", body: newUser(email).slice(0, -1) }),
      noParams,
    );
    await expectError(response, 400, "bad_request");
    expect(await userExists(email)).toBe(false);
  });

  it("answers 415 to a body that is not JSON", async () => {
    const email = uniqueEmail("api415");
    const response = await postUser(
      request("/api/users", { token: adminToken, method: "POST", body: newUser(email), type: "text/plain" }),
      noParams,
    );
    await expectError(response, 415, "unsupported_media_type");
    expect(await userExists(email)).toBe(false);
  });

  it("answers 400 with details to an unknown field", async () => {
    const email = uniqueEmail("apiField");
    const response = await postUser(
      request("/api/users", { token: adminToken, method: "POST", body: newUser(email, { isAdmin: true }) }),
      noParams,
    );
    const error = await expectError(response, 400, "bad_request");
    expect(error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining("isAdmin") })]),
    );
    expect(await userExists(email)).toBe(false);
  });

  it("answers 400 with the field named for an invalid value", async () => {
    const email = uniqueEmail("apiRole");
    const response = await postUser(
      request("/api/users", { token: adminToken, method: "POST", body: newUser(email, { role: "root" }) }),
      noParams,
    );
    const error = await expectError(response, 400, "bad_request");
    expect(error.details).toEqual([expect.objectContaining({ path: "role" })]);
    expect(await userExists(email)).toBe(false);
  });

  it("answers 413 to a body over MAX_JSON_BYTES", async () => {
    const email = uniqueEmail("api413");
    const body = newUser(email, { name: "x".repeat(env.MAX_JSON_BYTES) });
    const response = await postUser(request("/api/users", { token: adminToken, method: "POST", body }), noParams);
    await expectError(response, 413, "payload_too_large");
    expect(await userExists(email)).toBe(false);
  });

  it("answers 413 from a Content-Length over MAX_JSON_BYTES before reading the body", async () => {
    const email = uniqueEmail("api413h");
    const req = request("/api/users", { token: adminToken, method: "POST", body: newUser(email) });
    req.headers.set("content-length", String(env.MAX_JSON_BYTES + 1));
    await expectError(await postUser(req, noParams), 413, "payload_too_large");
    expect(await userExists(email)).toBe(false);
  });
});

describe("PATCH /api/users/{id}", () => {
  it("answers 400 to an id that is not a uuid", async () => {
    const response = await patchUser(
      request("/api/users/42", { token: adminToken, method: "PATCH", body: '{"name":"x"}' }),
      { params: Promise.resolve({ id: "42" }) },
    );
    const error = await expectError(response, 400, "bad_request");
    expect(error.details).toEqual([expect.objectContaining({ path: "id" })]);
  });

  it("changes a user for an admin", async () => {
    const target = await makeActor("investigator");
    const response = await patchUser(
      request(`/api/users/${target.id}`, { token: adminToken, method: "PATCH", body: '{"role":"legal"}' }),
      { params: Promise.resolve({ id: target.id }) },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: target.id, role: "legal" });
  });
});

describe("/api/tokens", () => {
  it("creates a token whose secret authenticates as its owner", async () => {
    const response = await createTokenRoute(
      request("/api/tokens", { token: investigatorToken, method: "POST", body: '{"name":"script"}' }),
      noParams,
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as { token: string; name: string };
    expect(created.name).toBe("script");
    const whoami = await me(request("/api/me", { token: created.token }), noParams);
    expect(await whoami.json()).toMatchObject({ role: "investigator" });
  });

  it("answers a new token with its public fields and the secret only, never the stored hash or its creator", async () => {
    const response = await createTokenRoute(
      request("/api/tokens", { token: adminToken, method: "POST", body: '{"name":"fields"}' }),
      noParams,
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(created).sort()).toEqual([
      "createdAt",
      "expiresAt",
      "id",
      "lastUsedAt",
      "name",
      "prefix",
      "revokedAt",
      "token",
      "userEmail",
      "userId",
    ]);
    expect(JSON.stringify(created)).not.toMatch(/tokenHash|createdById/);
  });

  it("lists every token only for admins and refuses unknown query parameters", async () => {
    await expectError(
      await listTokensRoute(request("/api/tokens?all=true", { token: investigatorToken }), noParams),
      403,
      "forbidden",
    );
    await expectError(
      await listTokensRoute(request("/api/tokens?bogus=1", { token: adminToken }), noParams),
      400,
      "bad_request",
    );
    const response = await listTokensRoute(request("/api/tokens?all=true", { token: adminToken }), noParams);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(2);
  });
});

describe("public routes", () => {
  it("GET /api/openapi.json describes the API as OpenAPI 3.1", async () => {
    const response = openapi();
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/users",
        "/api/users/{id}",
        "/api/tokens",
        "/api/tokens/{id}",
        "/api/health",
        "/api/me",
      ]),
    );
    expect(Object.keys(doc.paths["/api/users"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(doc.components.schemas).toHaveProperty("Error");
  });

  it("GET /api/health answers ok", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers any other /api/ path with a JSON 404 in the error shape", async () => {
    await expectError(catchAll(new Request(`${BASE}/api/no-such-thing`)), 404, "not_found");
    const error = await expectError(
      catchAllPost(new Request(`${BASE}/api/cases/x/nope`, { method: "POST" })),
      404,
      "not_found",
    );
    expect(error.message).toContain("/api/cases/x/nope");
  });
});
