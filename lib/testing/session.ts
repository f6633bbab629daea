import { handlers } from "@/auth";
import type { Actor } from "@/lib/auth/actor";
import { TEST_PASSWORD } from "@/lib/testing/factories";
import { serverRequest } from "@/lib/testing/next-request";
import type { SignedIn } from "@/lib/testing/routes";

// Signs in through the app's own Auth.js configuration (auth.ts: the Credentials provider, the
// JWT session), the way the login form does, so the cookie it yields is one that `auth()` accepts
// or refuses exactly as in production. Test files that use it must not mock "@/auth".

const ORIGIN = "http://localhost";
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/** "name=value" pairs of a response's Set-Cookie headers. */
function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

/**
 * Signs in with email and password (GET /api/auth/csrf, then POST /api/auth/callback/credentials
 * with the form fields and the CSRF cookie) and returns the session cookie as a Cookie header value.
 */
export async function signInCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  type AuthRequest = Parameters<typeof handlers.GET>[0];
  const csrf = await handlers.GET(serverRequest(`${ORIGIN}/api/auth/csrf`) as AuthRequest);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await handlers.POST(
    serverRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookiePairs(csrf).join("; "),
        origin: ORIGIN,
      },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${ORIGIN}/` }),
    }) as AuthRequest,
  );
  const session = cookiePairs(callback).filter((pair) => SESSION_COOKIE.test(pair.split("=")[0] ?? ""));
  if (session.length === 0) {
    throw new Error(`Sign-in as ${email} was refused (${callback.status} to ${callback.headers.get("location")})`);
  }
  return session.join("; ");
}

/** The actor signed in with the test password (every factory-made user has it). */
export async function signedIn(actor: Actor): Promise<SignedIn> {
  return { actor, cookie: await signInCookie(actor.email) };
}
