import { eq } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { users, type User } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { changesActors } from "@/lib/auth/actor-cache";
import type { SsoConfig } from "@/lib/auth/sso-env";
import { recordAudit } from "@/lib/audit/record";
import { readSsoClaims, type SsoIdentity, type SsoRefusal } from "./sso-claims";

/**
 * Stored as the password hash of an account made by single sign-on: it is no argon2 hash, so no
 * password ever verifies against it (verifyPassword answers false), until someone sets one.
 */
export const SSO_ONLY_PASSWORD = "!sso-account-without-a-local-password";

export type SsoSignInResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; role: User["role"] };
      sessionVersion: number;
      created: boolean;
    }
  | { ok: false; reason: SsoRefusal };

async function refuse(
  tx: Tx,
  reason: SsoRefusal,
  detail: { email?: string; address: string; subject?: string },
  userId: string | null = null,
): Promise<SsoSignInResult> {
  await recordAudit(tx, {
    actor: null,
    action: "auth.sign_in_failed",
    entityType: "user",
    entityId: userId,
    detail: { method: "sso", reason, ...detail },
  });
  return { ok: false, reason };
}

/** The account this identity names: by the provider's subject, else (first sign-in) by e-mail. */
async function findAccount(tx: Tx, identity: SsoIdentity): Promise<User | undefined> {
  const [bySubject] = await tx.select().from(users).where(eq(users.ssoSubject, identity.subject)).for("update");
  if (bySubject) return bySubject;
  const [byEmail] = await tx.select().from(users).where(eq(users.email, identity.email)).for("update");
  return byEmail;
}

/**
 * Signs a user of the OpenID provider in: refused when the claims name no e-mail, a domain that is
 * not allowed or no mapped role, or when the account is disabled here (the provider cannot enable
 * it). The account is created at the first sign-in and its name and role follow the provider at
 * each one. Every outcome is audited.
 */
export async function signInWithSso({
  claims,
  config,
  address = "unknown",
}: {
  claims: Record<string, unknown>;
  config: Pick<SsoConfig, "roleClaim" | "roleMap" | "allowedDomains">;
  address?: string;
}): Promise<SsoSignInResult> {
  const read = readSsoClaims(claims, config);
  return changesActors(
    db.transaction(async (tx) => {
      if (!read.ok) return refuse(tx, read.reason, { email: read.email, address });
      const { identity } = read;
      const base = { email: identity.email, address, subject: identity.subject };
      const existing = await findAccount(tx, identity);
      // An address the provider re-issued to someone else must not open the earlier holder's account.
      if (existing?.ssoSubject && existing.ssoSubject !== identity.subject)
        return refuse(tx, "other_subject", base, existing.id);
      if (existing?.disabled) return refuse(tx, "disabled", base, existing.id);
      const now = new Date();
      let row: User | undefined;
      if (!existing) {
        [row] = await tx
          .insert(users)
          .values({
            email: identity.email,
            name: identity.name,
            role: identity.role,
            passwordHash: SSO_ONLY_PASSWORD,
            ssoSubject: identity.subject,
            lastLoginAt: now,
          })
          .returning();
        if (!row) throw new Error("user insert returned nothing");
        await recordAudit(tx, {
          actor: null,
          action: "user.create",
          entityType: "user",
          entityId: row.id,
          detail: { email: row.email, role: row.role, via: "sso", claimValues: identity.claimValues },
        });
      } else {
        [row] = await tx
          .update(users)
          .set({ name: identity.name, role: identity.role, ssoSubject: identity.subject, lastLoginAt: now })
          .where(eq(users.id, existing.id))
          .returning();
        if (!row) throw new Error("user update returned nothing");
        const changed = Object.fromEntries(
          (["name", "role"] as const)
            .filter((k) => existing[k] !== identity[k])
            .map((k) => [k, { from: existing[k], to: identity[k] }]),
        );
        if (Object.keys(changed).length > 0 || !existing.ssoSubject)
          await recordAudit(tx, {
            actor: null,
            action: "user.update",
            entityType: "user",
            entityId: row.id,
            detail: {
              ...changed,
              via: "sso",
              ...(existing.ssoSubject ? {} : { linked: identity.subject }),
              claimValues: identity.claimValues,
            },
          });
      }
      const actor: Actor = { id: row.id, email: row.email, name: row.name, role: row.role, via: "session" };
      await recordAudit(tx, {
        actor,
        action: "auth.sign_in",
        entityType: "user",
        entityId: row.id,
        detail: { method: "sso", address },
      });
      return {
        ok: true,
        user: { id: row.id, email: row.email, name: row.name, role: row.role },
        sessionVersion: row.sessionVersion,
        created: !existing,
      };
    }),
  );
}
