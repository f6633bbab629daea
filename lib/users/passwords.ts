import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Tx } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { changesActors } from "@/lib/auth/actor-cache";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authorize } from "@/lib/auth/policy";
import { clearPasswordChanges, consumePasswordChange } from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { emailSchema, type PasswordChange, passwordChangeSchema, passwordSchema } from "./schema";

const fieldError = (path: string, message: string) => new AppError("bad_request", message, [{ path, message }]);

/** Writes a new password; every session signed in before it ends except `keepSessionId`. */
async function setPassword(
  tx: Tx,
  userId: string,
  password: string,
  { keepSessionId = null, mustChange = false }: { keepSessionId?: string | null; mustChange?: boolean } = {},
): Promise<void> {
  const [row] = await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      sessionVersion: sql`${users.sessionVersion} + 1`,
      keptSessionId: keepSessionId,
      mustChangePassword: mustChange,
      passwordChangedAt: new Date(),
    })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (!row) throw AppError.notFound("User");
}

/**
 * POST /api/me/password: the signed-in user changes their own password, giving the current one.
 * Their other browser sessions end; the one making the change stays (`sessionId`); API tokens
 * stay too, since they are revoked on their own.
 */
export async function changePassword({
  actor,
  input,
  sessionId = null,
}: {
  actor: Actor;
  input: PasswordChange;
  sessionId?: string | null;
}): Promise<{ changed: true }> {
  const data = parseOrThrow(passwordChangeSchema, input);
  if (data.newPassword === data.currentPassword)
    throw fieldError("newPassword", "Choose a password other than the current one");
  await consumePasswordChange(actor.id);
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(user.hash, data.currentPassword)))
    throw fieldError("currentPassword", "The current password is not right");
  await changesActors(
    db.transaction(async (tx) => {
      await setPassword(tx, actor.id, data.newPassword, { keepSessionId: sessionId });
      await recordAudit(tx, { actor, action: "user.password_change", entityType: "user", entityId: actor.id });
    }),
  );
  await clearPasswordChanges(actor.id);
  return { changed: true };
}

/**
 * POST /api/users/{id}/password-reset (admin): a temporary password, shown once to the admin, that
 * must be changed at the next sign-in; the user's sessions end at once.
 */
export async function resetPassword({
  actor,
  userId,
}: {
  actor: Actor;
  userId: string;
}): Promise<{ temporaryPassword: string }> {
  authorize(actor, "user:manage");
  const temporaryPassword = randomBytes(12).toString("base64url");
  await changesActors(
    db.transaction(async (tx) => {
      await setPassword(tx, userId, temporaryPassword, { mustChange: true });
      await recordAudit(tx, { actor, action: "user.password_reset", entityType: "user", entityId: userId });
    }),
  );
  return { temporaryPassword };
}

/** `npm run cli -- user password`: the operator sets a user's password; their sessions end. */
export async function setPasswordAsOperator(email: string, password: string): Promise<{ email: string }> {
  // An operator reads the rule itself, not "Invalid input".
  const say = (r: { success: false; error: z.ZodError }) => new AppError("bad_request", r.error.issues[0]!.message);
  const address = emailSchema.safeParse(email);
  if (!address.success) throw say(address);
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw say(checked);
  return changesActors(
    db.transaction(async (tx) => {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, address.data));
      if (!user) throw new AppError("not_found", `No user with email ${address.data}`);
      await setPassword(tx, user.id, checked.data);
      await recordAudit(tx, {
        actor: null,
        action: "user.password_set",
        entityType: "user",
        entityId: user.id,
        detail: { via: "cli" },
      });
      return { email: address.data };
    }),
  );
}
