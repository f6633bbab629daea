import type { NextRequest } from "next/server";
import { env } from "@/lib/env";

function firstValue(header: string | null): string | null {
  const value = header?.split(",")[0]?.trim();
  return value ? value : null;
}

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The app's own origin for a request, found the way Auth.js finds it with trustHost (so sign-in
 * redirects and the checks below agree): AUTH_URL when set, else X-Forwarded-Host or Host with
 * X-Forwarded-Proto or the URL's scheme. `next start` fills the forwarded headers from the
 * connection when no proxy did. A browser cannot set Host or X-Forwarded-* on a request another
 * site makes it send, so trusting them never lets that site pass for this one.
 */
export function appOrigin(headers: Headers, url?: string): string | null {
  if (env.AUTH_URL) return originOf(env.AUTH_URL);
  const fallback = url ? new URL(url) : null;
  const host = firstValue(headers.get("x-forwarded-host")) ?? firstValue(headers.get("host")) ?? fallback?.host ?? null;
  if (!host) return null;
  const scheme = (firstValue(headers.get("x-forwarded-proto")) ?? fallback?.protocol ?? "https").replace(/:$/, "");
  return originOf(`${scheme}://${host}`);
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/**
 * Whether a request was sent by one of the app's own pages. Browsers send Origin with every POST,
 * PUT, PATCH and DELETE, from fetch and forms alike; where it is missing, Sec-Fetch-Site still
 * says who asked. "Same-site" is not enough: another port or a sibling subdomain of the same
 * site gets the session cookie sent along with its requests, SameSite=Lax or not.
 */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "same-origin";
  const own = appOrigin(request.headers, request.url);
  return own !== null && originOf(origin) === own;
}

/**
 * The request as Auth.js's route handlers must see it: at the app's origin (appOrigin above), as
 * a plain Request. Auth.js makes the OpenID redirect_uri from the request's URL twice: when the
 * login page's server action starts the sign-in (from Host and X-Forwarded-*), and when the
 * callback route exchanges the code. A route handler's NextRequest reports a loopback address as
 * "localhost" (http://127.0.0.1:3000 reads as http://localhost:3000), and a URL on the address
 * `next start` listens on rather than the proxy's host name: the two redirect_uris differed and
 * the provider refused the code ("redirect_uri mismatch"). With AUTH_URL set, Auth.js puts the
 * request at that address itself (so AUTH_URL must be a host name, not a loopback IP address).
 */
export async function atAppOrigin(request: NextRequest): Promise<Request> {
  if (env.AUTH_URL) return request;
  const origin = appOrigin(request.headers, request.url);
  const url = new URL(request.url);
  if (!origin) return request;
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new Request(new URL(`${url.pathname}${url.search}`, origin), {
    method: request.method,
    headers: request.headers,
    body,
  });
}
