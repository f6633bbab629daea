import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { apiTokens, auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { disableUser, makeActor } from "@/lib/testing/factories";
import { hashToken } from "./secret";
import { actorFromToken, createToken, listTokens, revokeToken } from "./tokens";

let admin: Actor;
let investigator: Actor;

beforeAll(async () => {
  admin = await makeActor("admin");
  investigator = await makeActor("investigator");
});

async function storedToken(id: string) {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  if (!row) throw new Error(`token ${id} not stored`);
  return row;
}

describe("createToken and actorFromToken", () => {
  it("resolves a new token to its owner", async () => {
    const created = await createToken({ actor: investigator, input: { name: "laptop" } });
    expect(created).toMatchObject({
      name: "laptop",
      userId: investigator.id,
      userEmail: investigator.email,
      revokedAt: null,
      expiresAt: null,
    });
    const actor = await actorFromToken(created.token);
    expect(actor).toEqual({
      id: investigator.id,
      email: investigator.email,
      name: investigator.name,
      role: "investigator",
      via: "token",
      tokenId: created.id,
    });
  });

  it("stores only the hash of the secret", async () => {
    const created = await createToken({ actor: investigator, input: { name: "hash check" } });
    const row = await storedToken(created.id);
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(row.tokenHash).not.toBe(created.token);
    expect(row.prefix).toBe(created.token.slice(0, 10));
    expect(Object.values(row).map(String)).not.toContain(created.token);
  });

  it("records when a token was last used", async () => {
    const created = await createToken({ actor: investigator, input: { name: "usage" } });
    expect((await storedToken(created.id)).lastUsedAt).toBeNull();
    await actorFromToken(created.token);
    expect((await storedToken(created.id)).lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses strings that are not tokens and tokens it never issued", async () => {
    await expect(actorFromToken("nope")).resolves.toBeNull();
    const issued = await createToken({ actor: investigator, input: { name: "real" } });
    const unknown = issued.token.slice(0, -4) + (issued.token.endsWith("AAAA") ? "BBBB" : "AAAA");
    await expect(actorFromToken(unknown)).resolves.toBeNull();
  });

  it("refuses a revoked token", async () => {
    const created = await createToken({ actor: investigator, input: { name: "to revoke" } });
    const revoked = await revokeToken({ actor: investigator, tokenId: created.id });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(actorFromToken(created.token)).resolves.toBeNull();
  });

  it("refuses an expired token", async () => {
    const expiresAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const created = await createToken({ actor: investigator, input: { name: "short-lived", expiresAt } });
    expect(created.expiresAt).toBe(expiresAt);
    await expect(actorFromToken(created.token)).resolves.not.toBeNull();
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, created.id));
    // A change made around the app reaches the actor cache by the database's notification.
    await expect.poll(() => actorFromToken(created.token), { timeout: 1000, interval: 20 }).toBeNull();
  });

  it("refuses an expiry in the past when creating", async () => {
    const input = { name: "stale", expiresAt: new Date(Date.now() - 60_000).toISOString() };
    await expect(createToken({ actor: investigator, input })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("refuses the token of a disabled user, and will not make one for them", async () => {
    const user = await makeActor("legal");
    const created = await createToken({ actor: user, input: { name: "before" } });
    await disableUser(user.id);
    await expect(actorFromToken(created.token)).resolves.toBeNull();
    await expect(createToken({ actor: admin, input: { name: "after", userId: user.id } })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("writes an audit event for create and revoke", async () => {
    const created = await createToken({ actor: investigator, input: { name: "audited" } });
    await revokeToken({ actor: investigator, tokenId: created.id });
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.id))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["token.create", investigator.id],
      ["token.revoke", investigator.id],
    ]);
    expect(JSON.stringify(events)).not.toContain(created.token);
  });
});

describe("tokens for other users", () => {
  it("lets an admin create a token for another user", async () => {
    const created = await createToken({ actor: admin, input: { name: "for them", userId: investigator.id } });
    expect(created.userId).toBe(investigator.id);
    await expect(actorFromToken(created.token)).resolves.toMatchObject({ id: investigator.id, role: "investigator" });
  });

  it("forbids a non-admin creating a token for someone else", async () => {
    const input = { name: "sneaky", userId: admin.id };
    await expect(createToken({ actor: investigator, input })).rejects.toMatchObject({ code: "forbidden" });
    const names = (await listTokens({ actor: admin })).map((t) => t.name);
    expect(names).not.toContain("sneaky");
  });

  it("hides another user's token from a non-admin who tries to revoke it", async () => {
    const other = await makeActor("investigator");
    const theirs = await createToken({ actor: other, input: { name: "theirs" } });
    await expect(revokeToken({ actor: investigator, tokenId: theirs.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(actorFromToken(theirs.token)).resolves.toMatchObject({ id: other.id });
    const revoked = await revokeToken({ actor: admin, tokenId: theirs.id });
    expect(revoked.revokedAt).not.toBeNull();
  });

  it("answers not_found for a token id that does not exist", async () => {
    await expect(revokeToken({ actor: admin, tokenId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("listTokens", () => {
  it("lists only the actor's own tokens, and every token only for an admin", async () => {
    const a = await makeActor("investigator");
    const b = await makeActor("manager");
    const tokenA = await createToken({ actor: a, input: { name: "a's" } });
    const tokenB = await createToken({ actor: b, input: { name: "b's" } });

    const own = await listTokens({ actor: a });
    expect(own.map((t) => t.id)).toEqual([tokenA.id]);
    expect(own[0]).not.toHaveProperty("token");
    expect(own[0]).not.toHaveProperty("tokenHash");

    await expect(listTokens({ actor: a, all: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listTokens({ actor: b, all: true })).rejects.toMatchObject({ code: "forbidden" });
    const all = (await listTokens({ actor: admin, all: true })).map((t) => t.id);
    expect(all).toEqual(expect.arrayContaining([tokenA.id, tokenB.id]));
  });
});
