import type { Readable } from "node:stream";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { contentDisposition } from "@/lib/evidence/names";
import { parseRange } from "@/lib/evidence/stream";
import { logger } from "@/lib/logger";
import { type BlobStore, evidenceStore } from "@/lib/storage";
import { loadExport } from "./access";
import { packFiles, packName } from "./paths";

/**
 * The file as a web stream that calls `onComplete` after the last byte and before closing, and
 * never when the client goes away first: only a download that finished is logged as one.
 */
function completingStream(source: Readable, onComplete: (bytes: number) => Promise<void>): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (!done) {
            sent += value.length;
            controller.enqueue(value);
            return;
          }
          await onComplete(sent);
          controller.close();
        } catch (error) {
          source.destroy();
          controller.error(error);
        }
      },
      cancel() {
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Streams a finished pack with a download name, its SHA-256 as the ETag and Repr-Digest, and
 * Range support so a broken download of a large pack can resume. The export's status is about
 * the build and never changes here; a completed transfer (or range) is an audit event.
 */
export async function openExportDownload({
  actor,
  exportId,
  request,
  store = evidenceStore(),
}: {
  actor: Actor;
  exportId: string;
  request: Request;
  store?: BlobStore;
}): Promise<Response> {
  const { row } = await loadExport(db, actor, exportId, "export:read");
  if (row.status !== "done" || !row.sha256 || !row.fileName)
    throw new AppError(
      "conflict",
      row.status === "failed" ? "This export failed; start a new one" : "This pack is still being built",
    );
  const files = packFiles(store);
  const name = packName(row.id);
  const size = await files.size(name);
  if (size === null || size !== row.size) {
    logger.error({ exportId: row.id, expected: row.size, found: size }, "export pack file missing or changed");
    throw new AppError("not_found", "The pack file is no longer in storage; start a new export");
  }
  const etag = `"${row.sha256}"`;
  const ifRange = request.headers.get("if-range");
  const requested =
    ifRange && ifRange !== etag ? ({ kind: "none" } as const) : parseRange(request.headers.get("range"), size);
  const headers: Record<string, string> = {
    "Content-Type": "application/zip",
    "Content-Disposition": contentDisposition("attachment", row.fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store, no-transform",
    "Accept-Ranges": "bytes",
    ETag: etag,
    "Repr-Digest": `sha-256=:${Buffer.from(row.sha256, "hex").toString("base64")}:`,
  };
  if (requested.kind === "unsatisfiable")
    return new Response(null, {
      status: 416,
      headers: { ...headers, "Content-Type": "text/plain", "Content-Range": `bytes */${size}` },
    });
  const range = requested.kind === "range" ? requested.range : undefined;
  const source = await files.get(name, range);
  const body = completingStream(source, async (bytes) => {
    await db.transaction((tx) =>
      recordAudit(tx, {
        actor,
        action: "export.download",
        entityType: "export",
        entityId: row.id,
        caseId: row.caseId,
        detail: {
          fileName: row.fileName,
          sha256: row.sha256,
          bytes,
          range: range ? `bytes ${range.start}-${range.end}` : null,
        },
      }),
    );
  });
  if (range) {
    return new Response(body, {
      status: 206,
      headers: {
        ...headers,
        "Content-Length": String(range.end - range.start + 1),
        "Content-Range": `bytes ${range.start}-${range.end}/${size}`,
      },
    });
  }
  return new Response(body, { status: 200, headers: { ...headers, "Content-Length": String(size) } });
}
