import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { disableUser, makeActor } from "@/lib/testing/factories";
import { actorFromToken, createToken, revokeToken } from "@/lib/tokens/tokens";
import { resetPassword } from "@/lib/users/passwords";
import { loadActiveActor, updateUser } from "@/lib/users/users";

// Who a token or session is, kept briefly per process (actor-cache.ts): every change that takes
// access away must be seen by the very next request, although the previous one was answered from the cache.

let admin: Actor;

beforeAll(async () => {
  admin = await makeActor("admin");
});

async function usedToken(owner: Actor) {
  const created = await createToken({ actor: owner, input: { name: "cached" } });
  // Twice: the second use is answered from what the first one kept.
  await expect(actorFromToken(created.token)).resolves.toMatchObject({ id: owner.id });
  await expect(actorFromToken(created.token)).resolves.toMatchObject({ id: owner.id });
  return created;
}

describe("the actor cache", () => {
  it("refuses a token on the request after its revocation", async () => {
    const owner = await makeActor("investigator");
    const created = await usedToken(owner);
    await revokeToken({ actor: owner, tokenId: created.id });
    await expect(actorFromToken(created.token)).resolves.toBeNull();
  });

  it("refuses a token revoked by raw SQL, as another instance or a tool would", async () => {
    const owner = await makeActor("investigator");
    const created = await usedToken(owner);
    await db.execute(sql`update api_tokens set revoked_at = now() where id = ${created.id}`);
    // No code of this process took part: the trigger's notification empties the cache (bound: 1 s,
    // in practice milliseconds).
    await expect.poll(() => actorFromToken(created.token), { timeout: 1000, interval: 20 }).toBeNull();
  });

  it("refuses a kept token once its expiry passes, with no change to any row", async () => {
    const owner = await makeActor("investigator");
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const created = await createToken({ actor: owner, input: { name: "brief", expiresAt } });
    await expect(actorFromToken(created.token)).resolves.not.toBeNull();
    await new Promise((r) => setTimeout(r, 1600));
    await expect(actorFromToken(created.token)).resolves.toBeNull();
  });

  it("sees a role change and a disabled owner at once", async () => {
    const owner = await makeActor("investigator");
    const created = await usedToken(owner);
    await updateUser({ actor: admin, userId: owner.id, input: { role: "legal" } });
    await expect(actorFromToken(created.token)).resolves.toMatchObject({ role: "legal" });
    await disableUser(owner.id);
    await expect(actorFromToken(created.token)).resolves.toBeNull();
  });

  it("ends a session at once when its user's password is reset or the user is disabled", async () => {
    const user = await makeActor("investigator");
    const [row] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    const stamp = { sv: row!.sv, sid: "session-1" };
    await expect(loadActiveActor(user.id, "session", stamp)).resolves.toMatchObject({ id: user.id });
    await expect(loadActiveActor(user.id, "session", stamp)).resolves.toMatchObject({ id: user.id });
    await resetPassword({ actor: admin, userId: user.id });
    await expect(loadActiveActor(user.id, "session", stamp)).resolves.toBeNull();

    const other = await makeActor("manager");
    await expect(loadActiveActor(other.id, "session")).resolves.toMatchObject({ role: "manager" });
    await disableUser(other.id);
    await expect(loadActiveActor(other.id, "session")).resolves.toBeNull();
  });
});
