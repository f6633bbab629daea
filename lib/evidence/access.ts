import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { evidence, users, type Evidence } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { authorize, can, type Action, type CaseAccess } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";
import { AppError } from "@/lib/errors";
import { isMimeMismatch, previewKindOf } from "./detect";
import { exhibitLabel, type EvidenceView } from "./views";

export interface LoadedEvidence {
  row: Evidence;
  access: CaseAccess;
  uploadedBy: string | null;
}

/**
 * Loads a live (not deleted) item and the actor's standing in its case, then checks `action`.
 * Missing, deleted and invisible items all answer not_found, and so does content the actor may
 * not open: a manager learns that an item exists from its metadata, never its bytes.
 */
export async function loadEvidence(
  runner: DbOrTx,
  actor: Actor,
  id: string,
  action: Action,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedEvidence> {
  const base = runner
    .select({ row: evidence, uploaderName: users.name, uploaderEmail: users.email })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.uploadedById))
    .where(and(eq(evidence.id, id), isNull(evidence.deletedAt)));
  const [found] = options.forUpdate ? await base.for("update", { of: evidence }) : await base;
  if (!found) throw AppError.notFound("Evidence");
  const { access } = await loadCase(runner, actor, found.row.caseId);
  authorize(actor, "evidence:read_metadata", { case: access }, "Evidence");
  if (action === "evidence:read_content" && !can(actor, action, { case: access })) throw AppError.notFound("Evidence");
  authorize(actor, action, { case: access }, "Evidence");
  const uploadedBy =
    found.uploaderName && found.uploaderEmail
      ? actorLabel({ name: found.uploaderName, email: found.uploaderEmail })
      : null;
  return { row: found.row, access, uploadedBy };
}

export function toEvidenceView(
  actor: Actor,
  row: Evidence,
  access: CaseAccess,
  uploadedBy: string | null,
): EvidenceView {
  const target = { case: access };
  return {
    id: row.id,
    caseId: row.caseId,
    exhibitNo: exhibitLabel(row.exhibitNo),
    title: row.title,
    kind: row.kind,
    description: row.description,
    sha256: row.sha256,
    size: row.size,
    mimeType: row.mimeType,
    claimedMimeType: row.claimedMimeType,
    mimeMismatch: isMimeMismatch(row.claimedMimeType, row.mimeType),
    originalName: row.originalName,
    collectedAt: row.collectedAt?.toISOString() ?? null,
    collectedBy: row.collectedBy,
    source: row.source,
    legalHold: row.legalHold,
    holdReason: row.holdReason,
    uploadedBy,
    createdAt: row.createdAt.toISOString(),
    preview: previewKindOf(row.mimeType),
    permissions: {
      readContent: can(actor, "evidence:read_content", target),
      hold: can(actor, "evidence:hold", target),
      delete: can(actor, "evidence:delete", target) && !row.legalHold,
      verify: can(actor, "evidence:read_metadata", target),
    },
  };
}

// Any constant of our own: with the hash prefix it names one advisory lock per stored file.
const BLOB_LOCK_SPACE = 4_242_104;

/**
 * Serialises everything that decides whether a stored file may exist: placing it under a new
 * row and removing it once no live row needs it. Held until the transaction ends.
 */
export async function lockBlob(tx: Tx, sha256: string): Promise<void> {
  const key = Number.parseInt(sha256.slice(0, 8), 16) | 0;
  await tx.execute(sql`select pg_advisory_xact_lock(${BLOB_LOCK_SPACE}::int, ${key}::int)`);
}

/** The first address in X-Forwarded-For (set by the proxy in front of the app), or null. */
export function clientIp(request: Request): string | null {
  const first = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first ? first.slice(0, 100) : null;
}
