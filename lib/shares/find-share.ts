import { eq } from "drizzle-orm";
import { db } from "@/db";
import { exportShares, exports, users } from "@/db/schema";
import { finishedPack, shareStatus } from "./access";
import { shareTokenSchema } from "./schema";
import { hashShareToken } from "./secret";
import type { ShareStatus } from "./views";

/** What the public page may tell anyone holding the link: the pack, never the case's title. */
export interface PublicShare {
  status: ShareStatus;
  recipient: string;
  sharedBy: string;
  expiresAt: Date;
  needsCode: boolean;
  downloadsLeft: number | null;
  fileName: string;
  size: number;
  sha256: string;
}

/** The share behind a link, or null for a token that is malformed or unknown. */
export async function findShare(token: string): Promise<PublicShare | null> {
  if (!shareTokenSchema.safeParse(token).success) return null;
  const [found] = await db
    .select({ share: exportShares, pack: exports, sharedBy: users.name })
    .from(exportShares)
    .innerJoin(exports, eq(exports.id, exportShares.exportId))
    .leftJoin(users, eq(users.id, exportShares.createdById))
    .where(eq(exportShares.tokenHash, hashShareToken(token)));
  const pack = found ? finishedPack(found.pack) : null;
  if (!found || !pack) return null;
  const { share } = found;
  return {
    status: shareStatus(share),
    recipient: share.recipient,
    sharedBy: found.sharedBy ?? "a Casework user",
    expiresAt: share.expiresAt,
    needsCode: share.codeHash !== null,
    downloadsLeft: share.maxDownloads === null ? null : Math.max(0, share.maxDownloads - share.downloads),
    fileName: pack.fileName,
    size: pack.size,
    sha256: pack.sha256,
  };
}
