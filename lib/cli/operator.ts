import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify";
import { describeAuditVerification } from "@/lib/audit/verify-report";
import { type AnchorWrite, writeAuditAnchor } from "@/lib/audit/write-anchor";
import { AppError } from "@/lib/errors";
import { emailSchema } from "@/lib/users/schema";

/**
 * The user an operator's command acts as. Whoever runs the CLI already holds the server's data
 * folder or database credentials, so acting as a named user grants nothing new; the audit log
 * still records that user, with `via: "cli"`, as the actor.
 */
export async function cliActorForEmail(email: string): Promise<Actor> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw new AppError("bad_request", `Not a valid email address: ${email}`);
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, parsed.data))
    .limit(1);
  if (!user) throw new AppError("not_found", `No user with email ${parsed.data}`);
  if (user.disabled) throw new AppError("conflict", `User ${parsed.data} is disabled`);
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "cli" };
}

/** The whole audit chain and its anchors, checked with the operator's rights (no signed-in admin needed). */
export async function verifyAuditAsOperator({ dataDir }: { dataDir?: string } = {}): Promise<{
  ok: boolean;
  lines: string[];
}> {
  const result = await verifyAuditChain({ db, dataDir });
  return { ok: result.ok, lines: describeAuditVerification(result) };
}

/** `audit anchor`: anchors the head now, even when an anchor of it exists (the operator asked for one). */
export async function anchorAuditAsOperator({ dataDir }: { dataDir?: string } = {}): Promise<AnchorWrite> {
  return writeAuditAnchor({ db, dataDir, always: true });
}
