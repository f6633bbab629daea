import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { authSecret } from "@/lib/auth/secret";
import { SSO_PROVIDER_ID, ssoProvider } from "@/lib/auth/sso-provider";
import { env, ssoConfig } from "@/lib/env";
import { logger } from "@/lib/logger";
import { signInWithSso } from "@/lib/users/sign-in-with-sso";
import { authenticate } from "@/lib/users/users";

/** Refused by the sign-in limit; the code carries the minutes to wait to the login page. */
class SignInLocked extends CredentialsSignin {
  constructor(retryAfterMs: number) {
    super();
    this.code = `locked-${Math.max(1, Math.ceil(retryAfterMs / 60_000))}`;
  }
}

const credentialsSchema = z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) });

/** This request's headers; none outside a request (a test calling the callback directly). */
async function requestHeaders(): Promise<Headers> {
  try {
    return new Headers(await headers());
  } catch {
    return new Headers();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  // Host headers are trusted: the app runs behind its own reverse proxy or on localhost.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // Errors (a provider that does not answer, a refused sign-in) land on the login page, which words them.
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // A wrong password is an expected outcome, not a server error: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin) logger.info({ kind: error.type }, "sign-in refused");
      // Auth.js wraps what failed (a provider's answer, a check) in error.cause.err: log that too.
      else logger.error({ err: error, cause: (error as { cause?: { err?: unknown } }).cause?.err }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        // PASSWORD_LOGIN=false: single sign-on only; the form is hidden and a posted password is refused.
        if (!env.PASSWORD_LOGIN) return null;
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await authenticate({ ...parsed.data, address: clientAddress(request.headers) });
        if (!result.ok) {
          if (result.reason === "locked") throw new SignInLocked(result.retryAfterMs);
          // A disabled account is refused like a wrong password: a different answer would confirm
          // that the password was right. Only the server log tells the two apart.
          if (result.reason === "disabled")
            logger.info({ email: parsed.data.email }, "sign-in refused: the account is disabled");
          return null;
        }
        return { id: result.user.id, email: result.user.email, name: result.user.name, sv: result.sessionVersion };
      },
    }),
    ...(ssoConfig ? [ssoProvider(ssoConfig)] : []),
  ],
  callbacks: {
    // Single sign-on: the provider vouched for the person; this app decides whether they may in,
    // as whom and with which role. A refusal goes back to the login page with its reason.
    async signIn({ user, account, profile }) {
      if (account?.provider !== SSO_PROVIDER_ID) return true;
      if (!ssoConfig || !profile) return false;
      const address = clientAddress(await requestHeaders());
      const result = await signInWithSso({ claims: profile, config: ssoConfig, address });
      if (!result.ok) return `/login?error=sso_${result.reason}`;
      user.id = result.user.id;
      (user as { sv?: number }).sv = result.sessionVersion;
      return true;
    },
    // Only pages of this app, judged by the parsed URL's origin: Auth.js's default accepts any
    // string that starts with "/", and a browser reads "/\t/evil.example" as another host.
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, baseUrl), baseUrl).href;
    },
    // Only the user id, the password's session version and this session's id travel in the signed
    // token; role, disabled state and the current version are read on every request.
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sv === "number") session.sv = token.sv;
      if (typeof token.sid === "string") session.sid = token.sid;
      return session;
    },
  },
});

declare module "next-auth" {
  interface Session {
    /** The user's session version when this session signed in (lib/users/users.ts loadActiveActor). */
    sv?: number;
    /** This session's id, kept valid by the password change it made. */
    sid?: string;
  }
}
