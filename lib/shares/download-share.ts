import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { disclosures, exportShares, exports, type ExportShare } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { contentDisposition } from "@/lib/evidence/names";
import { packFiles, packName } from "@/lib/exports/paths";
import { logger } from "@/lib/logger";
import { finishedPack, MAX_CODE_FAILURES, shareStatus } from "./access";
import { notifyShareDownloaded } from "./on-share-downloaded";
import { shareTokenSchema } from "./schema";
import { recordShareDownloadCustody } from "./share-custody";
import { hashShareCode, hashShareToken, sameHash } from "./secret";
import type { ShareStatus } from "./views";

export type ShareDownload =
  | { kind: "unknown" }
  | { kind: "gone"; status: Exclude<ShareStatus, "active"> }
  | { kind: "wrong_code"; attemptsLeft: number }
  | { kind: "missing" }
  | { kind: "file"; response: Response };

/** The pack's bytes as a stream from wherever the store keeps them, or null when gone or not the size recorded. */
async function openPack(exportId: string, size: number): Promise<ReadableStream<Uint8Array> | null> {
  const files = packFiles();
  const name = packName(exportId);
  if ((await files.size(name)) !== size) return null;
  return Readable.toWeb(await files.get(name)) as ReadableStream<Uint8Array>;
}

/**
 * One download through a share link, by someone without an account. In one transaction: the link
 * is checked (revoked, expired, used up, locked by wrong codes), its one-time code if it has one,
 * the count goes up (so concurrent downloads cannot pass maxDownloads), and the download is written
 * to the referral's disclosure log (when the link names one), to the custody log of every item in
 * the pack, and to the audit trail as the recipient, with the client's address and the pack's hash. It counts when the bytes start to go
 * out: a recipient whose transfer broke asks for another link or a higher limit.
 */
export async function downloadShare({
  token,
  code,
  address,
}: {
  token: string;
  code?: string | null;
  address: string;
}): Promise<ShareDownload> {
  if (!shareTokenSchema.safeParse(token).success) return { kind: "unknown" };
  const outcome = await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ share: exportShares, pack: exports })
      .from(exportShares)
      .innerJoin(exports, eq(exports.id, exportShares.exportId))
      .where(eq(exportShares.tokenHash, hashShareToken(token)))
      .for("update", { of: exportShares });
    const pack = found ? finishedPack(found.pack) : null;
    if (!found || !pack) return { kind: "unknown" } as const;
    const { share } = found;
    const status = shareStatus(share);
    if (status !== "active") return { kind: "gone", status } as const;
    if (share.codeHash && !sameHash(share.codeHash, hashShareCode(share.id, code ?? ""))) {
      await tx
        .update(exportShares)
        .set({ codeFailures: share.codeFailures + 1 })
        .where(eq(exportShares.id, share.id));
      await recordAudit(tx, {
        actor: null,
        action: "export.share_code_failed",
        entityType: "export",
        entityId: pack.id,
        caseId: pack.caseId,
        detail: { shareId: share.id, address, failures: share.codeFailures + 1 },
      });
      return { kind: "wrong_code", attemptsLeft: Math.max(0, MAX_CODE_FAILURES - share.codeFailures - 1) } as const;
    }
    const at = new Date();
    const [counted] = await tx
      .update(exportShares)
      .set({ downloads: share.downloads + 1, lastDownloadAt: at })
      .where(and(eq(exportShares.id, share.id), eq(exportShares.downloads, share.downloads)))
      .returning();
    if (!counted) throw new Error("share download count changed under its row lock");
    const download = counted.downloads;
    const of = counted.maxDownloads === null ? "" : ` of ${counted.maxDownloads}`;
    if (share.referralId)
      await tx.insert(disclosures).values({
        referralId: share.referralId,
        what: `Evidence pack ${pack.fileName} (${pack.size} bytes), downloaded through a share link`,
        recipient: share.recipient,
        sentAt: at,
        sentById: share.createdById,
        sha256: pack.sha256,
        exportId: pack.id,
        note: `Download ${download}${of} from ${address}; link made by its creator, recorded automatically`,
      });
    await recordShareDownloadCustody(tx, {
      exportId: pack.id,
      caseId: pack.caseId,
      shareId: share.id,
      recipient: share.recipient,
      address,
      packSha256: pack.sha256,
      download,
    });
    await recordAudit(tx, {
      actor: null,
      action: "export.share_download",
      entityType: "export",
      entityId: pack.id,
      caseId: pack.caseId,
      detail: {
        shareId: share.id,
        recipient: share.recipient,
        email: share.email,
        address,
        fileName: pack.fileName,
        sha256: pack.sha256,
        download,
        maxDownloads: counted.maxDownloads,
        referralId: share.referralId,
      },
    });
    return { kind: "counted", share: counted, pack, at } as const;
  });
  if (outcome.kind !== "counted") return outcome;
  const { share, pack, at } = outcome;
  await notifyShareDownloaded(toEvent(share, pack, address, at)).catch((error: unknown) =>
    logger.error({ err: error, shareId: share.id }, "share download notification failed"),
  );
  const body = await openPack(pack.id, pack.size);
  if (!body) {
    logger.error({ exportId: pack.id, shareId: share.id }, "shared pack file missing or changed");
    return { kind: "missing" };
  }
  return {
    kind: "file",
    response: new Response(body, {
      status: 200,
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": contentDisposition("attachment", pack.fileName),
        "Content-Length": String(pack.size),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store, no-transform",
        "Referrer-Policy": "no-referrer",
        "Repr-Digest": `sha-256=:${Buffer.from(pack.sha256, "hex").toString("base64")}:`,
      },
    }),
  };
}

function toEvent(share: ExportShare, pack: { id: string; caseId: string; sha256: string }, address: string, at: Date) {
  return {
    shareId: share.id,
    exportId: pack.id,
    caseId: pack.caseId,
    referralId: share.referralId,
    createdById: share.createdById,
    recipient: share.recipient,
    address,
    sha256: pack.sha256,
    download: share.downloads,
    at,
  };
}
