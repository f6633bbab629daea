import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { env } from "@/lib/env";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Two jobs, for every page (the login page included):
 * - a Content-Security-Policy with a nonce of its own, set on the response and on the request,
 *   where Next.js reads it to put the nonce on its scripts (pages are rendered per request, see
 *   app/layout.tsx, so every response gets a fresh one);
 * - a convenience: signed-out visitors go to the login page instead of an empty shell. It is never
 *   the security check; every page, route handler and action checks the actor itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && !pathname.startsWith("/login")) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    const target = pathname + search;
    if (target !== "/") url.searchParams.set("callbackUrl", target);
    return NextResponse.redirect(url);
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // For a server component that renders a script of its own: headers().get("x-nonce").
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Every page; not the API (its JSON answers 401 itself and its downloads set their own policy)
  // nor Next's static files.
  // Nor a share link's page (/share/{token}), which is for people without an account and sets its own policy.
  matcher: ["/((?!api/|share/|_next/|favicon.ico|robots.txt).*)"],
};
