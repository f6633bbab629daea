import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { users, type User } from "@/db/schema";
import { type Actor } from "@/lib/auth/actor";
import { cachedActorLookup, changesActors } from "@/lib/auth/actor-cache";
import { decoyHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import { authorize } from "@/lib/auth/policy";
import {
  admitSignIn,
  clearSignInFailures,
  lockSignIn,
  SIGN_IN_LOCK_SECONDS,
  type SignInAttempt,
  type ThrottleScope,
} from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { userInputSchema, userUpdateSchema, type UserInput, type UserUpdate, type UserView } from "./schema";

export function toUserView(u: User): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** `actor` is null only for the operator's CLI and the seed, which run with the server's own rights. */
export async function createUser({ actor, input }: { actor: Actor | null; input: UserInput }): Promise<UserView> {
  if (actor) authorize(actor, "user:manage");
  const data = parseOrThrow(userInputSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, role: data.role, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!row)
      throw new AppError("conflict", `A user with email ${data.email} already exists`, [
        { path: "email", message: "Already in use" },
      ]);
    await recordAudit(tx, {
      actor,
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      detail: { email: row.email, role: row.role },
    });
    return toUserView(row);
  });
}

export async function listUsers({ actor }: { actor: Actor }): Promise<UserView[]> {
  authorize(actor, "user:manage");
  const rows = await db.select().from(users).orderBy(asc(users.name), asc(users.email));
  return rows.map(toUserView);
}

export async function updateUser({
  actor,
  userId,
  input,
}: {
  actor: Actor;
  userId: string;
  input: UserUpdate;
}): Promise<UserView> {
  authorize(actor, "user:manage");
  const data = parseOrThrow(userUpdateSchema, input);
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return changesActors(
    db.transaction(async (tx) => {
      const [current] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
      if (!current) throw AppError.notFound("User");
      const losesAdmin = current.role === "admin" && ((data.role && data.role !== "admin") || data.disabled === true);
      if (losesAdmin) {
        // Never leave the instance without an active admin to manage it.
        const [others] = await tx
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, userId)));
        if (!others || others.n === 0)
          throw new AppError("conflict", "This is the last active admin; make another admin first");
      }
      const [row] = await tx
        .update(users)
        .set({
          name: data.name,
          role: data.role,
          disabled: data.disabled,
          passwordHash,
          // A password an admin sets ends the user's sessions, as a change or a reset does.
          ...(passwordHash
            ? { sessionVersion: sql`${users.sessionVersion} + 1`, keptSessionId: null, passwordChangedAt: new Date() }
            : {}),
        })
        .where(eq(users.id, userId))
        .returning();
      if (!row) throw AppError.notFound("User");
      const changed = Object.fromEntries(
        (["name", "role", "disabled"] as const)
          .filter((k) => data[k] !== undefined && data[k] !== current[k])
          .map((k) => [k, { from: current[k], to: data[k] }]),
      );
      await recordAudit(tx, {
        actor,
        action: "user.update",
        entityType: "user",
        entityId: row.id,
        detail: { ...changed, ...(passwordHash ? { password: "changed" } : {}) },
      });
      return toUserView(row);
    }),
  );
}

export type SignInResult =
  | { ok: true; user: UserView; sessionVersion: number }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

/** A failed sign-in, and the locks it started, in the audit trail; the user is the account tried, when it exists. */
async function auditSignInFailure(
  attempt: SignInAttempt,
  userId: string | null,
  reason: "invalid" | "disabled" | "locked",
  locked: ThrottleScope[],
) {
  const base = {
    actor: null,
    entityType: "user",
    entityId: userId,
    detail: { email: attempt.email, address: attempt.address },
  };
  const lockedUntil = new Date(Date.now() + SIGN_IN_LOCK_SECONDS * 1000).toISOString();
  await db.transaction(async (tx) => {
    await recordAudit(tx, { ...base, action: "auth.sign_in_failed", detail: { ...base.detail, reason } });
    for (const scope of locked) {
      await recordAudit(tx, { ...base, action: "auth.sign_in_locked", detail: { ...base.detail, scope, lockedUntil } });
    }
  });
}

/**
 * Checks a password. Unknown emails cost the same time as wrong passwords. Failed attempts are
 * limited per account (the case-folded email, whether or not it exists) and per client address:
 * once either has used up its allowance, even the right password is refused until the lock ends.
 */
export async function authenticate({
  email,
  password,
  address = "unknown",
}: {
  email: string;
  password: string;
  address?: string;
}): Promise<SignInResult> {
  const attempt: SignInAttempt = { email: email.trim().toLowerCase(), address };
  const [user] = await db.select().from(users).where(eq(users.email, attempt.email)).limit(1);
  const admission = await admitSignIn(attempt);
  if (!admission.allowed) {
    await auditSignInFailure(attempt, user?.id ?? null, "locked", []);
    return { ok: false, reason: "locked", retryAfterMs: admission.retryAfterMs };
  }
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !valid || user.disabled) {
    const reason = user && valid ? "disabled" : "invalid";
    // The failure that used up an allowance starts the lock, so the next attempt is refused at once.
    await lockSignIn(attempt, admission.exhausted);
    await auditSignInFailure(attempt, user?.id ?? null, reason, admission.exhausted);
    if (admission.exhausted.length > 0)
      return { ok: false, reason: "locked", retryAfterMs: SIGN_IN_LOCK_SECONDS * 1000 };
    return { ok: false, reason };
  }
  await clearSignInFailures(attempt);
  const loginAt = new Date();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: loginAt }).where(eq(users.id, user.id));
    const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
    await recordAudit(tx, { actor, action: "auth.sign_in", entityType: "user", entityId: user.id });
  });
  return { ok: true, user: toUserView({ ...user, lastLoginAt: loginAt }), sessionVersion: user.sessionVersion };
}

/** What a session's signed token says about when it was signed in (absent in tokens older than versions). */
export interface SessionStamp {
  sv?: number;
  sid?: string;
}

/**
 * The actor behind a session's user id, or null when the user is gone or disabled, or when the
 * password changed after the session began (unless this is the session that changed it). A user
 * whose password an admin reset carries mustChangePassword until they choose one.
 */
export async function loadActiveActor(userId: string, via: Actor["via"], stamp?: SessionStamp): Promise<Actor | null> {
  // Kept briefly per process and forgotten at once on any change to the row (lib/auth/actor-cache.ts).
  const user = await cachedActorLookup(`user:${userId}`, async () => {
    const [row] = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        disabled: users.disabled,
        sessionVersion: users.sessionVersion,
        keptSessionId: users.keptSessionId,
        mustChangePassword: users.mustChangePassword,
      })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    return row ?? null;
  });
  if (!user || user.disabled) return null;
  if (stamp && (stamp.sv ?? 0) !== user.sessionVersion && (!stamp.sid || stamp.sid !== user.keptSessionId)) return null;
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role, via };
  return user.mustChangePassword && via === "session" ? { ...actor, mustChangePassword: true } : actor;
}
