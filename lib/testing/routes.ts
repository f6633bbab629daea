import type { Actor } from "@/lib/auth/actor";
import { makeActor } from "@/lib/testing/factories";
import { inRequestScope, serverRequest } from "@/lib/testing/next-request";
import { createToken } from "@/lib/tokens/tokens";

// Route handlers run as under `next start`, with the real Auth.js (vitest.config.mts lets
// next-auth load). Tests that only send bearer tokens may still mock "@/auth" to skip it:
// vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

export type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } };
export interface FieldError {
  path: string;
  message: string;
}

/** A user with an API token. */
export interface Who {
  actor: Actor;
  token: string;
}

/** A user signed in through the login (lib/testing/session.ts), with their session cookie. */
export interface SignedIn {
  actor: Actor;
  cookie: string;
}

export type Caller = Who | SignedIn;

/** The origin the app is called on in these tests. */
export const ORIGIN = "http://localhost";

/** A user with an API token, for calling route handlers as they would be called over HTTP. */
export async function who(role: Actor["role"], name?: string): Promise<Who> {
  const actor = await makeActor(role, name);
  return { actor, token: (await createToken({ actor, input: { name: "route test" } })).token };
}

/**
 * Calls a route handler the way Next does (inside its request scope), with a JSON body and the
 * caller's bearer token or session cookie. A cookie goes with the headers a browser's fetch from
 * one of the app's pages carries: Sec-Fetch-Site always, Origin on a change. `headers` are added last.
 */
export async function call(
  route: Route,
  method: string,
  path: string,
  caller: Caller | null,
  body?: unknown,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const sent: Record<string, string> = { "content-type": "application/json" };
  if (caller && "token" in caller) sent.authorization = `Bearer ${caller.token}`;
  if (caller && "cookie" in caller) {
    sent.cookie = caller.cookie;
    sent["sec-fetch-site"] = "same-origin";
    if (method !== "GET" && method !== "HEAD") sent.origin = ORIGIN;
  }
  Object.assign(sent, headers);
  const request = serverRequest(`${ORIGIN}${path}`, {
    method,
    headers: sent,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await inRequestScope(request, () => route(request, { params: Promise.resolve(params) }));
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Json };
}

/** The field errors of a 400 answer (`error.details`), failing when there are none. */
export function fieldErrors(body: Json): FieldError[] {
  const details = body.error?.details;
  if (!Array.isArray(details) || details.length === 0) throw new Error(`No field errors in ${JSON.stringify(body)}`);
  return details as FieldError[];
}

/** The HTTP methods a route module answers. */
export function methodsOf(module: Record<string, unknown>): string[] {
  return Object.keys(module)
    .filter((k) => ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(k))
    .sort();
}
