import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { AppError } from "@/lib/errors";
import { actorFromToken } from "@/lib/tokens/tokens";
import { loadActiveActor } from "@/lib/users/users";
import type { Actor } from "./actor";
import { isSameOriginRequest, isStateChanging } from "./origin";

/** The signed-in user of this request (session cookie), re-read from the database every time. */
export const sessionActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadActiveActor(id, "session", { sv: session.sv, sid: session.sid });
});

const MUST_CHANGE_ALLOWED = new Set(["/api/me", "/api/me/password"]);

/**
 * For pages and server actions: the actor, or a redirect to the login page (or, after an admin
 * reset the password, to the page that chooses a new one).
 */
export async function requireActor(): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword) redirect("/change-password");
  return actor;
}

/**
 * For route handlers: a bearer token when one is sent (and only then), else the session. A change
 * made with the session cookie must come from the app's own pages (forbidden otherwise): the
 * browser attaches the cookie to requests that pages on other ports or sibling subdomains make
 * it send. A bearer token is never attached by the browser, so token requests need no such check.
 */
export async function actorFromRequest(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ? actorFromToken(match[1]) : null;
  }
  const actor = await sessionActor();
  // After an admin's reset the session may only choose a new password (and read who it is).
  if (actor?.mustChangePassword && !MUST_CHANGE_ALLOWED.has(new URL(request.url).pathname)) {
    throw new AppError("forbidden", "Choose a new password first (your password was reset)");
  }
  if (actor && isStateChanging(request.method) && !isSameOriginRequest(request)) {
    throw new AppError(
      "forbidden",
      "This request did not come from a Casework page; changes made with a session must be sent by the app itself",
    );
  }
  return actor;
}
