import { and, count, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { disableUser, makeActor, TEST_PASSWORD, uniqueEmail } from "@/lib/testing/factories";
import type { UserInput } from "./schema";
import { authenticate, createUser, loadActiveActor, updateUser } from "./users";

// Under PostgreSQL every test file shares one database, so "the last admin" can only be
// arranged in the per-file in-memory database.
const sharedDatabase = !process.env.DATABASE_URL?.startsWith("memory://");

let admin: Actor;

beforeAll(async () => {
  admin = await makeActor("admin");
});

const input = (overrides: Partial<Record<keyof UserInput, unknown>> = {}): UserInput =>
  ({
    email: uniqueEmail("new"),
    name: "New Person",
    role: "investigator",
    password: TEST_PASSWORD,
    ...overrides,
  }) as UserInput;

async function usersWithEmail(email: string) {
  return db.select().from(users).where(eq(users.email, email));
}

async function auditFor(entityId: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(auditEvents.seq);
}

async function otherActiveAdmins(id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, id)));
  return row?.n ?? 0;
}

describe("createUser", () => {
  it("normalises the email and writes an audit event", async () => {
    const email = uniqueEmail("mixed");
    const user = await createUser({
      actor: admin,
      input: input({ email: `  ${email.toUpperCase()} `, name: "  Pat Doe " }),
    });
    expect(user).toMatchObject({ email, name: "Pat Doe", role: "investigator", disabled: false, lastLoginAt: null });
    expect(await usersWithEmail(email)).toHaveLength(1);
    const events = await auditFor(user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.create",
      entityType: "user",
      actorId: admin.id,
      detail: { email, role: "investigator" },
    });
    expect(JSON.stringify(events)).not.toContain(TEST_PASSWORD);
  });

  it("refuses a duplicate email, whatever its case, with conflict", async () => {
    const email = uniqueEmail("dup");
    await createUser({ actor: admin, input: input({ email }) });
    await expect(
      createUser({ actor: admin, input: input({ email: email.toUpperCase(), name: "Second" }) }),
    ).rejects.toMatchObject({ code: "conflict" });
    const rows = await usersWithEmail(email);
    expect(rows.map((r) => r.name)).toEqual(["New Person"]);
  });

  it.each([
    ["a bad email", { email: "not-an-email" }, "email"],
    ["a short password", { password: "short" }, "password"],
    ["an unknown role", { role: "superuser" }, "role"],
    ["a missing name", { name: " " }, "name"],
    ["an unknown field", { isAdmin: true }, ""],
  ])("refuses %s with bad_request and writes nothing", async (_what, overrides, path) => {
    const email = uniqueEmail("bad");
    const name = `Bad ${email}`;
    const attempt = input({ email, name, ...overrides });
    await expect(createUser({ actor: admin, input: attempt })).rejects.toMatchObject({
      code: "bad_request",
      details: expect.arrayContaining([expect.objectContaining({ path })]),
    });
    expect(await usersWithEmail(email)).toHaveLength(0);
    expect(await db.select().from(users).where(eq(users.name, name))).toHaveLength(0);
  });

  it("is for admins only", async () => {
    const manager = await makeActor("manager");
    const email = uniqueEmail("byManager");
    await expect(createUser({ actor: manager, input: input({ email }) })).rejects.toMatchObject({ code: "forbidden" });
    expect(await usersWithEmail(email)).toHaveLength(0);
  });
});

describe("updateUser", () => {
  it("changes role and name and audits what changed", async () => {
    const user = await makeActor("investigator");
    const updated = await updateUser({ actor: admin, userId: user.id, input: { role: "legal", name: "Renamed" } });
    expect(updated).toMatchObject({ id: user.id, role: "legal", name: "Renamed" });
    const [event] = (await auditFor(user.id)).filter((e) => e.action === "user.update");
    expect(event?.detail).toEqual({
      role: { from: "investigator", to: "legal" },
      name: { from: user.name, to: "Renamed" },
    });
  });

  it("changes the password without writing it to the audit log", async () => {
    const user = await makeActor("investigator");
    const password = "a brand new passphrase";
    await updateUser({ actor: admin, userId: user.id, input: { password } });
    await expect(authenticate({ email: user.email, password })).resolves.toMatchObject({ ok: true });
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD })).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
    const events = (await auditFor(user.id)).filter((e) => e.action === "user.update");
    expect(events.map((e) => e.detail)).toEqual([{ password: "changed" }]);
    expect(JSON.stringify(events)).not.toContain(password);
  });

  it("refuses non-admins, unknown users and empty changes", async () => {
    const user = await makeActor("investigator");
    await expect(updateUser({ actor: user, userId: user.id, input: { role: "admin" } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      updateUser({ actor: admin, userId: "00000000-0000-4000-8000-000000000000", input: { name: "x" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(updateUser({ actor: admin, userId: user.id, input: {} })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(
      updateUser({ actor: admin, userId: user.id, input: { email: "x@y.z" } as never }),
    ).rejects.toMatchObject({ code: "bad_request" });
    expect((await loadActiveActor(user.id, "session"))?.role).toBe("investigator");
  });

  it("lets an admin be demoted or disabled while another active admin remains", async () => {
    const first = await makeActor("admin");
    const second = await makeActor("admin");
    await expect(updateUser({ actor: second, userId: first.id, input: { role: "manager" } })).resolves.toMatchObject({
      role: "manager",
    });
    const third = await makeActor("admin");
    await expect(updateUser({ actor: second, userId: third.id, input: { disabled: true } })).resolves.toMatchObject({
      disabled: true,
    });
  });

  it.skipIf(sharedDatabase)("never demotes or disables the last active admin", async () => {
    // Leave `admin` the only active admin of this file's database, going around the guard.
    const spare = await makeActor("admin");
    await db
      .update(users)
      .set({ disabled: true })
      .where(and(eq(users.role, "admin"), ne(users.id, admin.id)));
    expect(await otherActiveAdmins(admin.id)).toBe(0);

    await expect(updateUser({ actor: admin, userId: admin.id, input: { role: "manager" } })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(updateUser({ actor: admin, userId: admin.id, input: { disabled: true } })).rejects.toMatchObject({
      code: "conflict",
    });
    // Changes that keep the admin an active admin are still fine.
    await expect(updateUser({ actor: admin, userId: admin.id, input: { name: "Still Admin" } })).resolves.toMatchObject(
      { role: "admin" },
    );
    expect(await loadActiveActor(admin.id, "session")).toMatchObject({ role: "admin" });

    // With a second active admin, the same change goes through.
    await updateUser({ actor: admin, userId: spare.id, input: { disabled: false } });
    await expect(updateUser({ actor: admin, userId: admin.id, input: { role: "manager" } })).resolves.toMatchObject({
      role: "manager",
    });
    await expect(updateUser({ actor: admin, userId: spare.id, input: { role: "legal" } })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});

describe("authenticate", () => {
  it("accepts the right password, whatever the email's case, and audits the sign-in", async () => {
    const user = await makeActor("legal");
    const result = await authenticate({ email: ` ${user.email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: user.email, role: "legal" } });
    expect(result.ok && result.user.lastLoginAt).toBeTruthy();
    const events = (await auditFor(user.id)).filter((e) => e.action === "auth.sign_in");
    expect(events).toHaveLength(1);
    expect(events[0]?.actorId).toBe(user.id);
  });

  it("answers invalid for a wrong password or an unknown email", async () => {
    const user = await makeActor("investigator");
    await expect(authenticate({ email: user.email, password: "wrong password!!" })).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
    await expect(authenticate({ email: uniqueEmail("nobody"), password: TEST_PASSWORD })).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await auditFor(user.id)).filter((e) => e.action === "auth.sign_in")).toHaveLength(0);
  });

  it("answers disabled for a disabled user, but only with the right password", async () => {
    const user = await makeActor("investigator");
    await disableUser(user.id);
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD })).resolves.toEqual({
      ok: false,
      reason: "disabled",
    });
    await expect(authenticate({ email: user.email, password: "wrong password!!" })).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
    await expect(loadActiveActor(user.id, "session")).resolves.toBeNull();
  });
});
