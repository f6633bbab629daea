import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { exportShares, users, type ExportShare } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ShareStatus, ShareView } from "./views";

/** After this many wrong one-time codes the link is locked: a code has about 50 bits, not 256. */
export const MAX_CODE_FAILURES = 5;

/** Whether the link still opens, and if not why (the public page says only that it is gone). */
export function shareStatus(row: ExportShare, now = new Date()): ShareStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  if (row.maxDownloads !== null && row.downloads >= row.maxDownloads) return "exhausted";
  if (row.codeFailures >= MAX_CODE_FAILURES) return "locked";
  return "active";
}

export const shareColumns = { row: exportShares, creatorName: users.name, creatorEmail: users.email };
export interface ShareRow {
  row: ExportShare;
  creatorName: string | null;
  creatorEmail: string | null;
}

export function selectShares(runner: DbOrTx) {
  return runner.select(shareColumns).from(exportShares).leftJoin(users, eq(users.id, exportShares.createdById));
}

/** A share of this export; not_found for another export's share, so ids cannot be probed across packs. */
export async function loadShare(runner: DbOrTx, exportId: string, shareId: string): Promise<ShareRow> {
  const [found] = await selectShares(runner).where(
    and(eq(exportShares.id, shareId), eq(exportShares.exportId, exportId)),
  );
  if (!found) throw AppError.notFound("Share");
  return found;
}

// Field by field, never a spread: the row holds the token's and the code's hashes.
export function toShareView({ row, creatorName, creatorEmail }: ShareRow): ShareView {
  return {
    id: row.id,
    exportId: row.exportId,
    recipient: row.recipient,
    email: row.email,
    referralId: row.referralId,
    expiresAt: row.expiresAt.toISOString(),
    maxDownloads: row.maxDownloads,
    downloads: row.downloads,
    lastDownloadAt: row.lastDownloadAt?.toISOString() ?? null,
    hasCode: row.codeHash !== null,
    status: shareStatus(row),
    createdBy:
      row.createdById && creatorName !== null && creatorEmail !== null
        ? { id: row.createdById, name: creatorName, email: creatorEmail }
        : null,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** A finished pack's facts, or null while it is building or after it failed. */
export function finishedPack(pack: {
  id: string;
  caseId: string;
  fileName: string | null;
  size: number | null;
  sha256: string | null;
}): { id: string; caseId: string; fileName: string; size: number; sha256: string } | null {
  const { id, caseId, fileName, size, sha256 } = pack;
  return fileName && size !== null && sha256 ? { id, caseId, fileName, size, sha256 } : null;
}
