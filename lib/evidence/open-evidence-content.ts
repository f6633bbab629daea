import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { logger } from "@/lib/logger";
import { type BlobStore, evidenceStore } from "@/lib/storage";
import { clientIp, loadEvidence } from "./access";
import { recordCustody } from "./custody";
import { previewKindOf, servedContentType } from "./detect";
import { contentDisposition } from "./names";
import { type IntegrityError, parseRange, plainStream, verifyingStream } from "./stream";
import { exhibitLabel } from "./views";

interface ContentOptions {
  actor: Actor;
  evidenceId: string;
  request: Request;
  /** Asked to show in the browser; honoured only for types that are safe to render. */
  inline: boolean;
  store?: BlobStore;
}

/**
 * The headers that stop a browser from ever executing evidence: a fixed type with nosniff, a
 * sandboxing CSP (scripts, forms, plugins and same-origin access all off, even if the bytes are
 * opened directly), a download unless an inline preview of a safe type was asked for, and no caching.
 */
function safetyHeaders(disposition: string, type: string): Record<string, string> {
  return {
    "Content-Type": type,
    "Content-Disposition": disposition,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy":
      "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
    // no-transform keeps compression off, so Content-Length stands and a cut transfer shows as cut.
    "Cache-Control": "private, no-store, no-transform",
    "Accept-Ranges": "bytes",
  };
}

/** Records a failed check found while streaming; the transfer itself has already been stopped. */
async function recordStreamMismatch(
  actor: Actor,
  ip: string | null,
  row: { id: string; caseId: string; sha256: string; exhibitNo: number },
  error: IntegrityError,
) {
  const detail = { expected: row.sha256, actual: error.actual, bytesRead: error.bytesRead, during: "download" };
  logger.error({ evidenceId: row.id, ...detail }, "evidence failed its hash check during download");
  await db.transaction(async (tx) => {
    await recordCustody(tx, { evidenceId: row.id, action: "verification_failed", actor, ip, detail });
    await recordAudit(tx, {
      actor,
      action: "evidence.verification_failed",
      entityType: "evidence",
      entityId: row.id,
      caseId: row.caseId,
      detail: { exhibitNo: exhibitLabel(row.exhibitNo), ...detail },
    });
  });
}

/**
 * Streams an item's bytes. Every read (whole or a range, viewed or downloaded) is written to the
 * custody log and the audit log before the first byte leaves; a whole-file read is re-hashed as
 * it streams and cut off if the bytes are not the ones recorded.
 */
export async function openEvidenceContent({
  actor,
  evidenceId,
  request,
  inline,
  store = evidenceStore(),
}: ContentOptions): Promise<Response> {
  const { row } = await loadEvidence(db, actor, evidenceId, "evidence:read_content");
  const showInline = inline && previewKindOf(row.mimeType) !== "none";
  const headers = safetyHeaders(
    contentDisposition(showInline ? "inline" : "attachment", row.originalName),
    servedContentType(row.mimeType),
  );
  const requested = parseRange(request.headers.get("range"), row.size);
  if (requested.kind === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...headers, "Content-Type": "text/plain", "Content-Range": `bytes */${row.size}` },
    });
  }
  const range = requested.kind === "range" ? requested.range : undefined;
  const source = await store.get(row.sha256, range);
  const ip = clientIp(request);
  const action = showInline ? "viewed" : "downloaded";
  const detail = { range: range ? `bytes ${range.start}-${range.end}` : null, exhibitNo: exhibitLabel(row.exhibitNo) };
  try {
    await db.transaction(async (tx) => {
      await recordCustody(tx, { evidenceId: row.id, action, actor, ip, detail: { range: detail.range } });
      await recordAudit(tx, {
        actor,
        action: `evidence.${action === "viewed" ? "view" : "download"}`,
        entityType: "evidence",
        entityId: row.id,
        caseId: row.caseId,
        detail,
      });
    });
  } catch (error) {
    source.destroy();
    throw error;
  }
  if (range) {
    return new Response(plainStream(source), {
      status: 206,
      headers: {
        ...headers,
        "Content-Length": String(range.end - range.start + 1),
        "Content-Range": `bytes ${range.start}-${range.end}/${row.size}`,
      },
    });
  }
  const body = verifyingStream(source, { sha256: row.sha256, size: row.size }, (error) => {
    recordStreamMismatch(actor, ip, row, error).catch((err: unknown) =>
      logger.error({ err, evidenceId: row.id }, "could not record a failed hash check"),
    );
  });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Length": String(row.size) } });
}
