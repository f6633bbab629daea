import { AppError } from "@/lib/errors";
import type { BlobStore, StagedBlob } from "@/lib/storage";
import { SNIFF_BYTES } from "./detect";
import { MultipartError, MultipartReader, boundaryOf } from "./multipart-reader";
import { evidenceMetadataFields } from "./schema";

export interface ReceivedUpload {
  fields: Record<string, string>;
  staged: StagedBlob;
  /** The first bytes of the file, for type detection. */
  sample: Buffer;
  fileName: string;
  claimedType: string | null;
}

// Room for the metadata fields and multipart framing on top of the file itself.
const FORM_OVERHEAD = 1024 * 1024;

// As many parts as the form has fields and a file, with room to spare; each field's value is short.
const MAX_PARTS = 30;
const MAX_FIELD_BYTES = 64 * 1024;

/** Checks the request before its body is read; returns the multipart boundary. */
function checkHeaders(request: Request, maxBytes: number): string {
  const type = request.headers.get("content-type") ?? "";
  const boundary = /^multipart\/form-data\s*;/i.test(type) ? boundaryOf(type) : null;
  if (!boundary) {
    throw new AppError(
      "unsupported_media_type",
      "Send the upload as multipart/form-data with the file in a field named `file`",
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes + FORM_OVERHEAD) {
    throw new AppError("payload_too_large", `The file is larger than the limit of ${maxBytes} bytes`);
  }
  if (!request.body)
    throw new AppError("bad_request", "The request has no body; send the file in a field named `file`");
  return boundary;
}

/**
 * Disk and other system faults stay server errors; anything else that breaks the stream (a
 * malformed body, a client that went away) is the request's fault.
 */
function classify(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof MultipartError)
    return new AppError("bad_request", `The upload could not be read: ${error.message}`);
  if (error && typeof error === "object" && "syscall" in error) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError("bad_request", `The upload could not be read: ${message}`);
}

/** The first `limit` bytes pass through into `sample` on their way to storage. */
async function* sampling(source: AsyncIterable<Buffer>, sample: Buffer[], limit: number) {
  let kept = 0;
  for await (const chunk of source) {
    if (kept < limit) {
      sample.push(chunk.subarray(0, limit - kept));
      kept += Math.min(chunk.length, limit - kept);
    }
    yield chunk;
  }
}

/**
 * Streams a multipart upload straight into the store: the body is parsed as it arrives, straight
 * from the request's stream, the file part is hashed and written to a temp file chunk by chunk,
 * and nothing is ever held whole in memory. Any failure (limit, a second file, a malformed body,
 * the client going away) stops reading the body, removes the temp file, and throws; on success
 * the caller owns the staged bytes.
 */
export async function receiveUpload(
  request: Request,
  { store, maxBytes }: { store: BlobStore; maxBytes: number },
): Promise<ReceivedUpload> {
  const boundary = checkHeaders(request, maxBytes);
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    reader.cancel().catch(() => {});
  };
  request.signal.addEventListener("abort", onAbort);
  const fields: Record<string, string> = {};
  const sample: Buffer[] = [];
  let file: { name: string; type: string | null } | null = null;
  let staged: StagedBlob | null = null;
  try {
    const form = new MultipartReader({ next: () => reader.read() }, boundary);
    for (let parts = 1, part = await form.next(); part; parts++, part = await form.next()) {
      if (parts > MAX_PARTS) throw new AppError("bad_request", "Too many fields in the upload");
      if (part.filename !== undefined || part.contentType === "application/octet-stream") {
        if (part.name !== "file")
          throw new AppError(
            "bad_request",
            `Unexpected file field "${part.name}": send the file in a field named \`file\``,
          );
        if (file) throw new AppError("bad_request", "Send exactly one file per upload; this request has more than one");
        file = { name: part.filename ?? "", type: part.contentType };
        staged = await store.stage(sampling(form.body(), sample, SNIFF_BYTES), { maxBytes });
        continue;
      }
      if (!evidenceMetadataFields.includes(part.name))
        throw new AppError("bad_request", `Unknown field "${part.name}"`);
      if (part.name in fields) throw new AppError("bad_request", `The field "${part.name}" was sent twice`);
      const value = await form.text(MAX_FIELD_BYTES);
      if (value === null) throw new AppError("bad_request", `The field "${part.name}" is too long`);
      fields[part.name] = value;
    }
    await form.finish();
    if (!staged || !file)
      throw new AppError("bad_request", "No file in the upload: send it in a multipart field named `file`");
    if (staged.size === 0) throw new AppError("bad_request", "The file is empty");
    return { fields, staged, sample: Buffer.concat(sample), fileName: file.name, claimedType: file.type };
  } catch (error) {
    // Nothing is left behind: the temp file goes before we answer, and the rest of the body is not read.
    await staged?.discard();
    await reader.cancel().catch(() => {});
    if (aborted) throw new AppError("bad_request", "The upload was cut off before it finished");
    throw classify(error);
  } finally {
    request.signal.removeEventListener("abort", onAbort);
  }
}
