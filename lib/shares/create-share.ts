import { eq } from "drizzle-orm";
import { db } from "@/db";
import { exportShares, referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadExport } from "@/lib/exports/access";
import { toInstant } from "@/lib/remediation/fields";
import { toShareView } from "./access";
import { MAX_SHARE_DAYS, shareInputSchema, type ShareInput } from "./schema";
import { generateShareCode, generateShareToken, hashShareCode, hashShareToken } from "./secret";
import type { CreatedShare } from "./views";

const bad = (path: string, message: string) => new AppError("bad_request", message, [{ path, message }]);

/**
 * A link for one named outside recipient to download one finished pack, by legal or an admin who
 * sees the case. The token (and the one-time code, when asked for) is in this answer only; the
 * database keeps their hashes. `origin` is the app's public address the link starts with.
 */
export async function createShare({
  actor,
  exportId,
  input,
  origin,
}: {
  actor: Actor;
  exportId: string;
  input: ShareInput;
  origin: string;
}): Promise<CreatedShare> {
  const data = parseOrThrow(shareInputSchema, input);
  const expiresAt = toInstant(data.expiresAt, "end");
  if (expiresAt.getTime() <= Date.now()) throw bad("expiresAt", "The expiry must be in the future");
  if (expiresAt.getTime() > Date.now() + MAX_SHARE_DAYS * 86_400_000)
    throw bad("expiresAt", `A link lives at most ${MAX_SHARE_DAYS} days`);
  const token = generateShareToken();
  const code = data.withCode ? generateShareCode() : null;
  return db.transaction(async (tx) => {
    const pack = await loadExport(tx, actor, exportId, "export:share");
    if (pack.row.status !== "done" || !pack.row.sha256)
      throw new AppError("conflict", "Only a finished pack can be shared");
    if (data.referralId) {
      const [referral] = await tx
        .select({ caseId: referrals.caseId })
        .from(referrals)
        .where(eq(referrals.id, data.referralId));
      if (!referral || referral.caseId !== pack.row.caseId)
        throw bad("referralId", "No such referral for this pack's case");
    }
    const id = crypto.randomUUID();
    const [row] = await tx
      .insert(exportShares)
      .values({
        id,
        exportId,
        referralId: data.referralId ?? null,
        tokenHash: hashShareToken(token),
        recipient: data.recipient,
        email: data.email ?? null,
        codeHash: code ? hashShareCode(id, code) : null,
        expiresAt,
        maxDownloads: data.maxDownloads ?? null,
        createdById: actor.id,
      })
      .returning();
    if (!row) throw new Error("share insert returned nothing");
    await recordAudit(tx, {
      actor,
      action: "export.share_create",
      entityType: "export",
      entityId: exportId,
      caseId: pack.row.caseId,
      detail: {
        shareId: row.id,
        recipient: row.recipient,
        email: row.email,
        expiresAt: row.expiresAt.toISOString(),
        maxDownloads: row.maxDownloads,
        withCode: code !== null,
        referralId: row.referralId,
        sha256: pack.row.sha256,
      },
    });
    const view = toShareView({ row, creatorName: actor.name, creatorEmail: actor.email });
    return { ...view, url: new URL(`/share/${token}`, origin).href, code };
  });
}
