import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeActor, TEST_PASSWORD } from "@/lib/testing/factories";

// Single sign-on on, passwords off: the configuration auth.ts hands next-auth, with these settings.
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  const { parseRoleMap } = await import("@/lib/auth/sso-env");
  return {
    ...actual,
    env: { ...actual.env, PASSWORD_LOGIN: false },
    ssoConfig: {
      issuer: "http://127.0.0.1:1/",
      clientId: "client",
      clientSecret: "secret",
      name: "Corp SSO",
      scopes: "openid email profile",
      roleClaim: "roles",
      roleMap: parseRoleMap("cw-legal=legal").mappings,
      allowedDomains: [],
    },
  };
});
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

interface Provider {
  id: string;
  name?: string;
  type: string;
  authorize?: (raw: Record<string, string>, request: Request) => Promise<unknown>;
}
interface AuthConfig {
  providers: Provider[];
  callbacks: {
    signIn: (args: {
      user: Record<string, unknown>;
      account: { provider: string } | null;
      profile?: unknown;
    }) => Promise<boolean | string>;
  };
}
let config: AuthConfig;

beforeAll(async () => {
  await (await import("@/db")).ready();
  await import("@/auth");
  config = captured.config as unknown as AuthConfig;
}, 180_000);

describe("with PASSWORD_LOGIN=false and single sign-on configured", () => {
  it("refuses the right password", async () => {
    const actor = await makeActor("legal");
    const credentials = config.providers.find((p) => p.id === "credentials");
    const request = new Request("http://localhost/api/auth/callback/credentials", { method: "POST" });
    expect(await credentials?.authorize?.({ email: actor.email, password: TEST_PASSWORD }, request)).toBeNull();
  });

  it("offers the OpenID provider under its configured name", () => {
    expect(config.providers.find((p) => p.type === "oidc")).toMatchObject({ id: "oidc", name: "Corp SSO" });
  });

  it("signs a mapped user in as their account and sends an unmapped one back to the login page", async () => {
    const sub = randomUUID();
    const profile = { sub, email: `${sub.slice(0, 8)}@corp.test`, name: "Lee Gal", roles: ["cw-legal"] };
    const user: Record<string, unknown> = { id: "provider-side-id" };
    expect(await config.callbacks.signIn({ user, account: { provider: "oidc" }, profile })).toBe(true);
    expect(user.id).not.toBe("provider-side-id");
    expect(user.sv).toBe(0);
    const refused = await config.callbacks.signIn({
      user: {},
      account: { provider: "oidc" },
      profile: { ...profile, sub: randomUUID(), email: "x@corp.test", roles: ["other"] },
    });
    expect(refused).toBe("/login?error=sso_no_role");
  });
});
