import { beforeAll, describe, expect, it, vi } from "vitest";
import { disableUser, makeActor, TEST_PASSWORD } from "@/lib/testing/factories";

// next-auth cannot load outside Next's bundler: capture the configuration auth.ts hands it.
const captured = vi.hoisted(() => ({ config: null as null | Record<string, unknown> }));
vi.mock("next-auth", () => ({
  default: (config: Record<string, unknown>) => {
    captured.config = config;
    return { handlers: {}, auth: async () => null, signIn: async () => {}, signOut: async () => {} };
  },
  CredentialsSignin: class CredentialsSignin extends Error {},
}));
vi.mock("next-auth/providers/credentials", () => ({
  default: (options: Record<string, unknown>) => ({ id: "credentials", type: "credentials", ...options }),
}));

interface AuthConfig {
  providers: { authorize: (raw: Record<string, string>, request: Request) => Promise<unknown> }[];
  callbacks: { redirect: (args: { url: string; baseUrl: string }) => string | Promise<string> };
}

let config: AuthConfig;

beforeAll(async () => {
  await import("@/auth");
  config = captured.config as unknown as AuthConfig;
});

/** What the credentials provider answers: the user, null, or the error it threw. */
async function attempt(email: string, password: string) {
  const provider = config.providers[0];
  if (!provider) throw new Error("no credentials provider");
  const request = new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "x-forwarded-for": "192.0.2.10" },
  });
  return provider
    .authorize({ email, password }, request)
    .catch((error: unknown) => ({ threw: error instanceof Error ? error.constructor.name : String(error) }));
}

describe("sign-in with a disabled account", () => {
  it("answers a right and a wrong password alike, as a refused sign-in", async () => {
    const actor = await makeActor("investigator");
    await disableUser(actor.id);
    const right = await attempt(actor.email, TEST_PASSWORD);
    const wrong = await attempt(actor.email, "not the password at all");
    expect(wrong).toBeNull();
    expect(right).toEqual(wrong);
  });

  it("still signs an enabled account in", async () => {
    const actor = await makeActor("legal");
    expect(await attempt(actor.email, TEST_PASSWORD)).toMatchObject({ id: actor.id, email: actor.email });
  });
});

describe("the redirect after sign-in", () => {
  const baseUrl = "http://127.0.0.1:3100";

  it.each([
    "/\t/evil.example/phish",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
  ])("sends %j to the app's home", async (url) => {
    expect(await config.callbacks.redirect({ url, baseUrl })).toBe(`${baseUrl}/`);
  });

  it("keeps a page of the app, given as a path or in full", async () => {
    expect(await config.callbacks.redirect({ url: "/cases?tab=evidence", baseUrl })).toBe(
      `${baseUrl}/cases?tab=evidence`,
    );
    expect(await config.callbacks.redirect({ url: `${baseUrl}/personas`, baseUrl })).toBe(`${baseUrl}/personas`);
  });
});
