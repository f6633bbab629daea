import type { UserRole } from "@/db/schema";

/** Who is asking: resolved from a session or an API token on every request, never trusted from input. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  via: "session" | "token" | "cli";
  tokenId?: string;
  /** A session whose password an admin reset: it may only choose a new one. */
  mustChangePassword?: true;
}

export function actorLabel(actor: Pick<Actor, "name" | "email">): string {
  return `${actor.name} <${actor.email}>`;
}
