import type { Actor } from "@/lib/auth/actor";
import { makeActor } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens";

// Tests that import this must also mock "@/auth" (next-auth cannot load outside Next's bundler):
// vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

export type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } };

export interface Who {
  actor: Actor;
  token: string;
}

/** A user with an API token, for calling route handlers as they would be called over HTTP. */
export async function who(role: Actor["role"], name?: string): Promise<Who> {
  const actor = await makeActor(role, name);
  return { actor, token: (await createToken({ actor, input: { name: "route test" } })).token };
}

/** Calls a route handler the way Next does, with a bearer token and a JSON body. */
export async function call(route: Route, method: string, path: string, caller: Who | null, body?: unknown, params: Record<string, string> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (caller) headers.authorization = `Bearer ${caller.token}`;
  const request = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
  const response = await route(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Json };
}

/** The HTTP methods a route module answers. */
export function methodsOf(module: Record<string, unknown>): string[] {
  return Object.keys(module)
    .filter((k) => ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(k))
    .sort();
}
