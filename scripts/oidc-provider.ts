/**
 * A real OpenID Connect provider for the e2e suite: panva's oidc-provider (a certified
 * implementation) with one confidential client, Casework's, and the test users of
 * e2e/fixtures/sso.ts, whose `groups` claim maps to each role (or to none). Its own login form
 * (oidc-provider's development interactions) takes the user's login; consent is granted at once,
 * as a company's provider does for its own applications.
 *
 * Started by e2e/sso.spec.ts; by hand: `npx tsx scripts/oidc-provider.ts <port> <redirect URI>`.
 */
import http from "node:http";
import type { Configuration, KoaContextWithOIDC } from "oidc-provider";
import { SSO_CLIENT, SSO_USERS } from "../e2e/fixtures/sso";

const SCOPES = "openid email profile groups";

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startOidcProvider(options: { port: number; redirectUris: string[] }): Promise<RunningProvider> {
  // oidc-provider is an ES module only.
  const { default: Provider } = await import("oidc-provider");
  const issuer = `http://127.0.0.1:${options.port}`;
  const accounts = new Map<string, (typeof SSO_USERS)[keyof typeof SSO_USERS]>(
    Object.values(SSO_USERS).map((u) => [u.login, u]),
  );
  const configuration: Configuration = {
    clients: [
      {
        client_id: SSO_CLIENT.id,
        client_secret: SSO_CLIENT.secret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // The claims of the scopes asked for go in the ID token, which is what Auth.js reads.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["casework-e2e-oidc-provider-cookie-key"] },
    findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: account.email,
          email_verified: true,
          name: account.name,
          groups: account.groups,
        }),
      };
    },
    // Casework is this provider's own application: consent is given without asking.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId =
        (result?.consent as { grantId?: string } | undefined)?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  // The token endpoint answers only "invalid_grant"; the reason (a redirect_uri mismatch…) is here.
  provider.on("grant.error", (_ctx: unknown, error: { message: string; error_detail?: string }) =>
    console.error(`oidc-provider: token request refused: ${error.message}: ${error.error_detail ?? ""}`),
  );
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (require.main === module) {
  const [port, ...redirectUris] = process.argv.slice(2);
  startOidcProvider({ port: Number(port ?? 4100), redirectUris })
    .then(({ issuer }) => console.log(`OpenID provider at ${issuer}, redirect URIs ${redirectUris.join(" ")}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
