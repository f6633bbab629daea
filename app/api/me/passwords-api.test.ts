import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { makeActor, TEST_PASSWORD } from "@/lib/testing/factories";
import { call, fieldErrors, type SignedIn } from "@/lib/testing/routes";
import { signedIn, signInCookie } from "@/lib/testing/session";
import { createToken } from "@/lib/tokens/tokens";
import { setPasswordAsOperator } from "@/lib/users/passwords";
import * as me from "../me/route";
import * as resetRoute from "../users/[id]/password-reset/route";
import * as password from "./password/route";

// Real sign-ins (lib/testing/session.ts): the session version lives in the signed cookie.

const NEW_PASSWORD = "a much longer new passphrase";
const change = (caller: SignedIn, body: unknown) => call(password.POST, "POST", "/api/me/password", caller, body);
const whoAmI = (caller: SignedIn | { actor: SignedIn["actor"]; token: string }) =>
  call(me.GET, "GET", "/api/me", caller);

describe("changing one's password", () => {
  it("needs the current password and a new one of 12 characters or more that is not the same, writing nothing otherwise", async () => {
    const actor = await makeActor("investigator");
    const session = await signedIn(actor);
    const [before] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
    const wrong = await change(session, { currentPassword: "not my password", newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong.body)).toEqual([
      { path: "currentPassword", message: "The current password is not right" },
    ]);
    const short = await change(session, { currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(fieldErrors(short.body)[0]).toMatchObject({ path: "newPassword" });
    const same = await change(session, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(fieldErrors(same.body)[0]).toMatchObject({
      path: "newPassword",
      message: "Choose a password other than the current one",
    });
    const [after] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
    expect(after!.hash).toBe(before!.hash);
  });

  it("signs out the user's other sessions, keeps this one and the API tokens, and audits it", async () => {
    const actor = await makeActor("investigator");
    const [here, elsewhere] = [await signedIn(actor), await signedIn(actor)];
    const token = await createToken({ actor, input: { name: "script" } });
    expect((await change(here, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).body).toEqual({
      changed: true,
    });
    expect((await whoAmI(here)).status).toBe(200);
    expect((await whoAmI(elsewhere)).status).toBe(401);
    expect((await whoAmI({ actor, token: token.token })).status).toBe(200);
    await expect(signInCookie(actor.email)).rejects.toThrow(/refused/);
    expect(await signInCookie(actor.email, NEW_PASSWORD)).toMatch(/authjs\.session-token/);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, actor.id));
    expect(audit.map((a) => a.action)).toContain("user.password_change");
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });
});

describe("guessing the current password", () => {
  it("is refused after ten wrong tries, the right one too, with the time to wait", async () => {
    const actor = await makeActor("investigator");
    const session = await signedIn(actor);
    for (let i = 0; i < 10; i++)
      expect((await change(session, { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD })).status).toBe(400);
    const locked = await change(session, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error?.message).toMatch(/Too many attempts to change the password; try again in \d+ minutes/);
    await expect(signInCookie(actor.email)).resolves.toMatch(/authjs/);
  });
});

describe("an admin's reset", () => {
  it("signs the user out and makes them choose a new password before anything else", async () => {
    const [admin, user] = [await makeActor("admin"), await makeActor("investigator")];
    const adminSession = await signedIn(admin);
    const old = await signedIn(user);
    const path = `/api/users/${user.id}/password-reset`;
    expect((await call(resetRoute.POST, "POST", path, old, undefined, { id: user.id })).status).toBe(403);
    const reset = await call(resetRoute.POST, "POST", path, adminSession, undefined, { id: user.id });
    expect(reset.status).toBe(200);
    const temporary = reset.body.temporaryPassword as string;
    expect(temporary.length).toBeGreaterThanOrEqual(16);
    expect((await whoAmI(old)).status).toBe(401);

    const fresh = { actor: user, cookie: await signInCookie(user.email, temporary) };
    // Reading who one is works; anything else waits for the new password.
    expect((await whoAmI(fresh)).status).toBe(200);
    const blocked = await call(resetRoute.POST, "POST", path, fresh, undefined, { id: user.id });
    expect(blocked).toMatchObject({
      status: 403,
      body: { error: { message: expect.stringContaining("new password") } },
    });
    expect((await change(fresh, { currentPassword: temporary, newPassword: NEW_PASSWORD })).status).toBe(200);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ mustChangePassword: false });
  });
});

describe("the operator's CLI", () => {
  it("sets a password, ending the user's sessions, and refuses a short one or an unknown user", async () => {
    const user = await makeActor("legal");
    const session = await signedIn(user);
    await expect(setPasswordAsOperator(user.email, "short")).rejects.toThrow(/12 characters/);
    await expect(setPasswordAsOperator("nobody@example.test", NEW_PASSWORD)).rejects.toThrow(/No user/);
    expect(await setPasswordAsOperator(user.email.toUpperCase(), NEW_PASSWORD)).toEqual({ email: user.email });
    expect((await whoAmI(session)).status).toBe(401);
    expect(await signInCookie(user.email, NEW_PASSWORD)).toMatch(/authjs/);
  });
});
