import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, ready } from "@/db";
import { auditEvents, rateLimits } from "@/db/schema";
import { makeActor, TEST_PASSWORD, uniqueEmail } from "@/lib/testing/factories";
import { authenticate, type SignInResult } from "@/lib/users/users";

const WRONG = "not the right password";
const FIFTEEN_MINUTES = 15 * 60_000;

/** A client address no other test uses (tests may share one database). */
const newAddress = () => `198.51.100.${randomUUID()}`;

beforeAll(async () => {
  await ready();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Why a sign-in was refused, or "ok". */
const outcome = (r: SignInResult) => (r.ok ? "ok" : r.reason);

async function fail(email: string, address: string, times: number) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await authenticate({ email, password: WRONG, address }));
  return results;
}

async function signInEvents(emails: string[]) {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(like(auditEvents.action, "auth.sign_in%"), inArray(sql<string>`${auditEvents.detail}->>'email'`, emails)),
    )
    .orderBy(asc(auditEvents.seq));
}

describe("failed sign-ins per account", () => {
  it("locks the account after ten wrong passwords, refuses the right one with the wait, and lets it in once the lock is over", async () => {
    const user = await makeActor("investigator");
    const address = newAddress();
    // The account is the case-folded email, however it is typed.
    const tries = await fail(` ${user.email.toUpperCase()} `, address, 9);
    expect(tries).toEqual(Array(9).fill({ ok: false, reason: "invalid" }));
    expect(await authenticate({ email: user.email, password: WRONG, address })).toEqual({
      ok: false,
      reason: "locked",
      retryAfterMs: FIFTEEN_MINUTES,
    });

    const refused = await authenticate({ email: user.email, password: TEST_PASSWORD, address: newAddress() });
    expect(refused).toMatchObject({ ok: false, reason: "locked" });
    expect(!refused.ok && refused.reason === "locked" && refused.retryAfterMs).toBeGreaterThan(
      FIFTEEN_MINUTES - 60_000,
    );

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + FIFTEEN_MINUTES - 60_000);
    await expect(
      authenticate({ email: user.email, password: TEST_PASSWORD, address: newAddress() }),
    ).resolves.toMatchObject({ ok: false, reason: "locked" });
    vi.setSystemTime(Date.now() + 61_000);
    await expect(
      authenticate({ email: user.email, password: TEST_PASSWORD, address: newAddress() }),
    ).resolves.toMatchObject({ ok: true });
  });

  it("counts guesses at an account from many addresses, and at an account that does not exist", async () => {
    const user = await makeActor("legal");
    for (let i = 0; i < 10; i++) await authenticate({ email: user.email, password: WRONG, address: newAddress() });
    await expect(
      authenticate({ email: user.email, password: TEST_PASSWORD, address: newAddress() }),
    ).resolves.toMatchObject({ ok: false, reason: "locked" });

    const nobody = uniqueEmail("nobody");
    const results = await fail(nobody, newAddress(), 11);
    expect(results.map(outcome)).toEqual([...Array(9).fill("invalid"), "locked", "locked"]);
  });

  it("forgets the account's failures after the right password", async () => {
    const user = await makeActor("investigator");
    await fail(user.email, newAddress(), 9);
    await expect(
      authenticate({ email: user.email, password: TEST_PASSWORD, address: newAddress() }),
    ).resolves.toMatchObject({ ok: true });
    await fail(user.email, newAddress(), 9);
    await expect(
      authenticate({ email: user.email, password: TEST_PASSWORD, address: newAddress() }),
    ).resolves.toMatchObject({ ok: true });
  });

  it("tries at most ten passwords when guesses arrive all at once", async () => {
    const user = await makeActor("investigator");
    const results = await Promise.all(
      Array.from({ length: 16 }, () => authenticate({ email: user.email, password: WRONG, address: newAddress() })),
    );
    expect(results.filter((r) => outcome(r) === "invalid")).toHaveLength(9);
    expect(results.filter((r) => outcome(r) === "locked")).toHaveLength(7);
    const checked = (await signInEvents([user.email])).filter(
      (e) => e.action === "auth.sign_in_failed" && e.detail.reason === "invalid",
    );
    expect(checked).toHaveLength(10);
  });
});

describe("failed sign-ins per client address", () => {
  it("locks an address that guessed at ten different accounts, for every account, but not other addresses", async () => {
    const address = newAddress();
    const guessed = await Promise.all([makeActor("manager"), makeActor("legal")]);
    for (const email of [...guessed.map((u) => u.email), ...Array.from({ length: 8 }, () => uniqueEmail("guess"))]) {
      await authenticate({ email, password: WRONG, address });
    }
    const other = await makeActor("investigator");
    const refused = await authenticate({ email: other.email, password: TEST_PASSWORD, address });
    expect(refused).toMatchObject({ ok: false, reason: "locked" });
    expect(!refused.ok && refused.reason === "locked" && refused.retryAfterMs).toBeGreaterThan(
      FIFTEEN_MINUTES - 60_000,
    );
    await expect(
      authenticate({ email: other.email, password: TEST_PASSWORD, address: newAddress() }),
    ).resolves.toMatchObject({ ok: true });
  });

  it("keeps the address's failures after a right password there", async () => {
    const address = newAddress();
    const user = await makeActor("investigator");
    for (let i = 0; i < 9; i++) await authenticate({ email: uniqueEmail("guess"), password: WRONG, address });
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD, address })).resolves.toMatchObject({
      ok: true,
    });
    await expect(authenticate({ email: uniqueEmail("guess"), password: WRONG, address })).resolves.toMatchObject({
      reason: "locked",
    });
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD, address })).resolves.toMatchObject({
      reason: "locked",
    });
  });
});

describe("the audit trail of failed sign-ins", () => {
  it("records every failure and each lock, with the email tried and the address", async () => {
    const user = await makeActor("investigator");
    const address = newAddress();
    await fail(user.email.toUpperCase(), address, 10);
    await authenticate({ email: user.email, password: TEST_PASSWORD, address });
    const events = await signInEvents([user.email]);
    expect(events.map((e) => e.action)).toEqual([
      ...Array(10).fill("auth.sign_in_failed"),
      "auth.sign_in_locked",
      "auth.sign_in_locked",
      "auth.sign_in_failed",
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ entityType: "user", entityId: user.id, actorId: null });
      expect(event.detail).toMatchObject({ email: user.email, address });
    }
    // One address guessing at one account uses up both allowances at once.
    expect(events.map((e) => e.detail.reason ?? e.detail.scope)).toEqual([
      ...Array(10).fill("invalid"),
      "account",
      "address",
      "locked",
    ]);
    const lockedUntil = new Date(String(events[10]?.detail.lockedUntil)).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan(FIFTEEN_MINUTES - 60_000);
    expect(JSON.stringify(events)).not.toContain(WRONG);
  });

  it("records guesses at an unknown account without a user", async () => {
    const email = uniqueEmail("nobody");
    const address = newAddress();
    await fail(email, address, 1);
    const [event] = await signInEvents([email]);
    expect(event).toMatchObject({
      action: "auth.sign_in_failed",
      entityType: "user",
      entityId: null,
      detail: { email, address, reason: "invalid" },
    });
  });
});

describe("the count lives in the database", () => {
  it("is seen by a second instance of the app", async () => {
    const user = await makeActor("investigator");
    await fail(user.email, newAddress(), 10);
    const [row] = await db
      .select()
      .from(rateLimits)
      .where(like(rateLimits.key, `%${user.email}`));
    expect(row?.points).toBeGreaterThanOrEqual(10);

    // Fresh modules hold fresh limiters, as another process would; only the database is shared.
    vi.resetModules();
    const second = await import("@/lib/users/users");
    await expect(
      second.authenticate({ email: user.email, password: TEST_PASSWORD, address: newAddress() }),
    ).resolves.toMatchObject({ ok: false, reason: "locked" });

    await db.delete(rateLimits).where(eq(rateLimits.key, row?.key ?? ""));
    await expect(
      second.authenticate({ email: user.email, password: TEST_PASSWORD, address: newAddress() }),
    ).resolves.toMatchObject({ ok: true });
  });
});
