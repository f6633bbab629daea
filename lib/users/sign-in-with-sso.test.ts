import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, ready } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { parseRoleMap } from "@/lib/auth/sso-env";
import { verifyPassword } from "@/lib/auth/password";
import { disableUser, makeActor } from "@/lib/testing/factories";
import { signInWithSso } from "./sign-in-with-sso";

const config = {
  roleClaim: "groups",
  roleMap: parseRoleMap("cw-admins=admin,cw-managers=manager,cw-legal=legal,cw-investigators=investigator").mappings,
  allowedDomains: ["corp.test"],
};

function person(groups: unknown, overrides: Record<string, unknown> = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    sub: `sub-${id}`,
    email: `p-${id}@corp.test`,
    email_verified: true,
    name: `Person ${id}`,
    groups,
    ...overrides,
  };
}

const eventsFor = (entityId: string) =>
  db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(asc(auditEvents.seq));
const failuresFor = async (email: string) =>
  (await db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_failed"))).filter(
    (e) => (e.detail as { email?: string }).email === email,
  );

beforeAll(() => ready());

describe("single sign-on: who may in, with which role", () => {
  it.each([
    [["cw-investigators"], "investigator"],
    [["cw-legal"], "legal"],
    [["cw-managers"], "manager"],
    ["cw-admins", "admin"],
    // The first entry of the map the claim holds wins, whatever the claim's own order.
    [["cw-investigators", "cw-admins"], "admin"],
  ])("creates the account at first sign-in from %j as %s", async (groups, role) => {
    const claims = person(groups);
    const result = await signInWithSso({ claims, config, address: "192.0.2.7" });
    expect(result).toMatchObject({ ok: true, created: true, user: { email: claims.email, role } });
    if (!result.ok) return;
    const [row] = await db.select().from(users).where(eq(users.id, result.user.id));
    expect(row).toMatchObject({ role, name: claims.name, ssoSubject: claims.sub, disabled: false });
    // No password opens an account made by single sign-on.
    expect(await verifyPassword(row!.passwordHash, "")).toBe(false);
    const actions = (await eventsFor(result.user.id)).map((e) => e.action);
    expect(actions).toEqual(["user.create", "auth.sign_in"]);
  });

  it("follows the provider's name and role at each sign-in, and audits the change", async () => {
    const claims = person(["cw-investigators"]);
    const first = await signInWithSso({ claims, config });
    const again = await signInWithSso({ claims: { ...claims, name: "Renamed Person", groups: ["cw-legal"] }, config });
    expect(again).toMatchObject({ ok: true, created: false, user: { role: "legal", name: "Renamed Person" } });
    if (!first.ok || !again.ok) return;
    expect(again.user.id).toBe(first.user.id);
    const update = (await eventsFor(first.user.id)).find((e) => e.action === "user.update");
    expect(update?.detail).toMatchObject({ role: { from: "investigator", to: "legal" }, via: "sso" });
  });

  it("links an existing local account by its e-mail at the first sign-in", async () => {
    const local = await makeActor("investigator");
    const claims = person(["cw-managers"], { email: local.email.replace("@example.test", "@corp.test") });
    await db.update(users).set({ email: claims.email }).where(eq(users.id, local.id));
    const result = await signInWithSso({ claims, config });
    expect(result).toMatchObject({ ok: true, created: false, user: { id: local.id, role: "manager" } });
  });

  it("refuses a user none of whose claim values maps to a role, and creates nothing", async () => {
    const claims = person(["marketing"]);
    expect(await signInWithSso({ claims, config })).toEqual({ ok: false, reason: "no_role" });
    expect(await signInWithSso({ claims: person(undefined), config })).toEqual({ ok: false, reason: "no_role" });
    expect(await db.select().from(users).where(eq(users.email, claims.email))).toEqual([]);
    expect((await failuresFor(claims.email))[0]?.detail).toMatchObject({ method: "sso", reason: "no_role" });
  });

  it("refuses an e-mail domain that is not allowed, even with a mapped role", async () => {
    const claims = person(["cw-admins"], { email: `boss-${randomUUID().slice(0, 6)}@elsewhere.test` });
    expect(await signInWithSso({ claims, config })).toEqual({ ok: false, reason: "domain" });
    expect(await db.select().from(users).where(eq(users.email, claims.email))).toEqual([]);
    // No domain list: any domain the provider vouches for.
    expect(await signInWithSso({ claims, config: { ...config, allowedDomains: [] } })).toMatchObject({ ok: true });
  });

  it("refuses an address the provider has not verified, or none", async () => {
    expect(await signInWithSso({ claims: person(["cw-admins"], { email_verified: false }), config })).toMatchObject({
      reason: "unverified_email",
    });
    expect(await signInWithSso({ claims: person(["cw-admins"], { email: undefined }), config })).toMatchObject({
      reason: "no_email",
    });
  });

  it("keeps a disabled account disabled whatever the provider says, and leaves its role alone", async () => {
    const claims = person(["cw-investigators"]);
    const first = await signInWithSso({ claims, config });
    if (!first.ok) throw new Error("first sign-in refused");
    await disableUser(first.user.id);
    const result = await signInWithSso({ claims: { ...claims, groups: ["cw-admins"] }, config });
    expect(result).toEqual({ ok: false, reason: "disabled" });
    const [row] = await db.select().from(users).where(eq(users.id, first.user.id));
    expect(row).toMatchObject({ disabled: true, role: "investigator" });
    expect((await eventsFor(first.user.id)).at(-1)).toMatchObject({
      action: "auth.sign_in_failed",
      detail: { reason: "disabled" },
    });
  });

  it("refuses another subject at the provider holding a linked account's e-mail", async () => {
    const claims = person(["cw-legal"]);
    await signInWithSso({ claims, config });
    const result = await signInWithSso({ claims: { ...claims, sub: "someone-else" }, config });
    expect(result).toEqual({ ok: false, reason: "other_subject" });
  });
});

describe("the role map setting", () => {
  it("reads value=role pairs and names the entries it cannot read", () => {
    expect(parseRoleMap(" a=admin , b = legal,")).toEqual({
      mappings: [
        { value: "a", role: "admin" },
        { value: "b", role: "legal" },
      ],
      errors: [],
    });
    expect(parseRoleMap("x=root,y").errors).toEqual([
      '"x=root": root is not a role (admin, manager, investigator, legal)',
      '"y" is not claim-value=role',
    ]);
  });
});
