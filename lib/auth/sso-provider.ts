import type { OIDCConfig } from "next-auth/providers";
import type { SsoConfig } from "./sso-env";

/** The Auth.js provider id, in the callback address: /api/auth/callback/oidc. */
export const SSO_PROVIDER_ID = "oidc";

/**
 * The OpenID Connect provider for Auth.js: discovery from the issuer, authorization code with
 * PKCE, state and nonce; the ID token's claims reach auth.ts's signIn callback as `profile`,
 * where lib/users/sign-in-with-sso.ts decides who it is.
 */
export function ssoProvider(config: SsoConfig): OIDCConfig<Record<string, unknown>> {
  return {
    id: SSO_PROVIDER_ID,
    name: config.name,
    type: "oidc",
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: config.scopes } },
    profile(claims) {
      return {
        id: typeof claims.sub === "string" ? claims.sub : undefined,
        email: typeof claims.email === "string" ? claims.email : undefined,
        name: typeof claims.name === "string" ? claims.name : undefined,
      };
    },
  };
}
