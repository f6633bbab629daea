import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { env } from "@/lib/env";
import { createToken } from "@/lib/tokens/tokens";
import { call, who, type Who } from "@/lib/testing/routes";

// A small allowance, read by lib/env.ts when this file's modules load (vi.hoisted runs first).
const previous = vi.hoisted(() => {
  const value = process.env.API_TOKEN_RATE_LIMIT;
  process.env.API_TOKEN_RATE_LIMIT = "5";
  return value;
});

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let caller: Who;

beforeAll(async () => {
  caller = await who("investigator");
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(() => {
  if (previous === undefined) delete process.env.API_TOKEN_RATE_LIMIT;
  else process.env.API_TOKEN_RATE_LIMIT = previous;
});

const getMe = (token: string) =>
  me(new Request("http://localhost/api/me", { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });

describe("API requests per token", () => {
  it("answers 429 with Retry-After over API_TOKEN_RATE_LIMIT a minute, per token, and again 200 once the minute is over", async () => {
    expect(env.API_TOKEN_RATE_LIMIT).toBe(5);
    for (let i = 0; i < 5; i++) expect((await call(me, "GET", "/api/me", caller)).status).toBe(200);

    const refused = await getMe(caller.token);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    const body = (await refused.json()) as { error: { code: string; message: string; details?: unknown } };
    expect(body.error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/too many requests/i) });

    // Another token of the same user has its own allowance.
    const second = (await createToken({ actor: caller.actor, input: { name: "second" } })).token;
    expect((await getMe(second)).status).toBe(200);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (retryAfter + 1) * 1000);
    expect((await getMe(caller.token)).status).toBe(200);
  });
});
