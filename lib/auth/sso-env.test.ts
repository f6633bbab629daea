import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { ssoConfigFrom } from "./sso-env";

const sso = {
  OIDC_ISSUER: "https://login.example.org/realms/corp",
  OIDC_CLIENT_ID: "casework",
  OIDC_CLIENT_SECRET: "s3cret",
  OIDC_ROLE_MAP: "cw-admins=admin, cw-legal=legal",
};

function errorOf(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("single sign-on settings", () => {
  it("are off by default, with passwords on", () => {
    const env = parseEnv({});
    expect(ssoConfigFrom(env)).toBeNull();
    expect(env.PASSWORD_LOGIN).toBe(true);
  });

  it("read the provider, the role map, the domains and the button's name", () => {
    const env = parseEnv({ ...sso, OIDC_ALLOWED_DOMAINS: "Example.org, @corp.example", OIDC_NAME: "Okta" });
    expect(ssoConfigFrom(env)).toEqual({
      issuer: sso.OIDC_ISSUER,
      clientId: "casework",
      clientSecret: "s3cret",
      name: "Okta",
      scopes: "openid email profile",
      roleClaim: "groups",
      roleMap: [
        { value: "cw-admins", role: "admin" },
        { value: "cw-legal", role: "legal" },
      ],
      allowedDomains: ["example.org", "corp.example"],
    });
  });

  it("name what is missing or wrong", () => {
    expect(errorOf({ OIDC_ISSUER: sso.OIDC_ISSUER })).toMatch(/OIDC_CLIENT_ID: is required for single sign-on/);
    expect(errorOf({ ...sso, OIDC_ROLE_MAP: "" })).toMatch(/OIDC_ROLE_MAP: is required for single sign-on/);
    expect(errorOf({ ...sso, OIDC_ROLE_MAP: "cw=superuser" })).toMatch(/superuser is not a role/);
    expect(errorOf({ ...sso, OIDC_ISSUER: "ftp://x" })).toMatch(/OIDC_ISSUER: must be an http/);
  });

  it("refuse PASSWORD_LOGIN=false without single sign-on, which would let nobody in", () => {
    expect(errorOf({ PASSWORD_LOGIN: "false" })).toMatch(/PASSWORD_LOGIN: false needs single sign-on/);
    expect(parseEnv({ ...sso, PASSWORD_LOGIN: "false" }).PASSWORD_LOGIN).toBe(false);
  });
});
