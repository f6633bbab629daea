import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, ready } from "@/db";
import { users, type UserRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { changesActors } from "@/lib/auth/actor-cache";
import { createUser } from "@/lib/users/users";

/** A unique email, so tests never collide when they share a database. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export const TEST_PASSWORD = "correct horse battery staple";

/** Creates a user and returns them as an actor. */
export async function makeActor(role: UserRole, name = `Test ${role}`): Promise<Actor> {
  await ready();
  const user = await createUser({
    actor: null,
    input: { email: uniqueEmail(role), name, role, password: TEST_PASSWORD },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

export async function disableUser(id: string): Promise<void> {
  await changesActors(
    db
      .update(users)
      .set({ disabled: true })
      .where(eq(users.id, id))
      .then(() => undefined),
  );
}
