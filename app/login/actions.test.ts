import { beforeEach, describe, expect, it, vi } from "vitest";

// The action's collaborators: Auth.js's signIn (it cannot load outside Next's bundler) and the
// request headers, here those of https://casework.example.org behind its reverse proxy.
const auth = vi.hoisted(() => ({
  signIn: vi.fn(async (_provider: string, _options: { redirectTo: string }) => {}),
  failure: null as Error | null,
}));
vi.mock("next-auth", () => {
  class AuthError extends Error {}
  return { AuthError, CredentialsSignin: class CredentialsSignin extends AuthError {} };
});
vi.mock("@/auth", () => ({
  signIn: async (provider: string, options: { redirectTo: string }) => {
    await auth.signIn(provider, options);
    if (auth.failure) throw auth.failure;
  },
}));
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "casework.example.org", "x-forwarded-proto": "https" }),
}));

const { signInAction } = await import("./actions");
const { AuthError, CredentialsSignin } = await import("next-auth");

function form(callbackUrl?: string): FormData {
  const data = new FormData();
  data.set("email", "someone@example.test");
  data.set("password", "a password");
  if (callbackUrl !== undefined) data.set("callbackUrl", callbackUrl);
  return data;
}

async function redirectFor(callbackUrl?: string): Promise<string | undefined> {
  auth.signIn.mockClear();
  await signInAction({}, form(callbackUrl));
  return auth.signIn.mock.calls[0]?.[1].redirectTo;
}

beforeEach(() => {
  auth.failure = null;
});

describe("signInAction", () => {
  it.each([
    "/\t/evil.example/phish",
    "/\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/phish",
    "javascript:alert(1)",
    "http://casework.example.org/cases",
  ])("sends the hostile callback %j home instead", async (callbackUrl) => {
    expect(await redirectFor(callbackUrl)).toBe("/");
  });

  it("keeps a page of the app", async () => {
    expect(await redirectFor("/cases/42?tab=evidence")).toBe("/cases/42?tab=evidence");
    expect(await redirectFor("https://casework.example.org/personas")).toBe("/personas");
    expect(await redirectFor()).toBe("/");
  });

  it("answers a refused sign-in with one message, whatever Auth.js refused it for", async () => {
    const disabled = Object.assign(new CredentialsSignin("refused"), { code: "disabled" });
    for (const failure of [new CredentialsSignin("refused"), disabled, new AuthError("refused")]) {
      auth.failure = failure;
      expect(await signInAction({}, form("/"))).toEqual({
        error: "Email or password is incorrect.",
        email: "someone@example.test",
      });
    }
  });
});
