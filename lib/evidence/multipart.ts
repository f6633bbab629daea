import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/lib/errors";
import type { BlobStore, StagedBlob } from "@/lib/storage";
import { SNIFF_BYTES } from "./detect";
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

function checkHeaders(request: Request, maxBytes: number): string {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(type)) {
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
  return type;
}

/**
 * Disk and other system faults stay server errors; anything else that breaks the stream (a
 * malformed body, a client that went away) is the request's fault.
 */
function classify(error: unknown): unknown {
  if (error instanceof AppError) return error;
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
 * Streams a multipart upload straight into the store: the body is parsed as it arrives, the file
 * part is hashed and written to a temp file chunk by chunk, and nothing is ever held whole in
 * memory. Any failure (limit, a second file, a malformed body, the client going away) stops the
 * body, removes the temp file, and throws; on success the caller owns the staged bytes.
 */
export async function receiveUpload(
  request: Request,
  { store, maxBytes }: { store: BlobStore; maxBytes: number },
): Promise<ReceivedUpload> {
  const contentType = checkHeaders(request, maxBytes);
  const fields: Record<string, string> = {};
  const sample: Buffer[] = [];
  let file: { name: string; type: string | null } | null = null;
  let staging: Promise<StagedBlob> | null = null;
  let failure: unknown = null;

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      preservePath: true,
      defParamCharset: "utf8",
      limits: { fieldSize: 64 * 1024, fields: 20, parts: 30, headerPairs: 20 },
    });
  } catch (error) {
    throw new AppError("bad_request", `The multipart body cannot be read: ${(error as Error).message}`);
  }
  const input = Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>);
  // pipeline() reports the first error; later ones (a stream torn down twice) must not crash the process.
  const ignore = () => {};
  parser.on("error", ignore);
  input.on("error", ignore);
  const fail = (error: unknown) => {
    failure ??= classify(error);
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
    input.destroy();
  };
  const badRequest = (message: string) => fail(new AppError("bad_request", message));

  parser.on("file", (name, stream, info) => {
    stream.on("error", ignore);
    if (name !== "file")
      return (stream.resume(), badRequest(`Unexpected file field "${name}": send the file in a field named \`file\``));
    if (file) return (stream.resume(), badRequest("Send exactly one file per upload; this request has more than one"));
    file = { name: info.filename ?? "", type: info.mimeType ?? null };
    staging = store.stage(sampling(stream, sample, SNIFF_BYTES), { maxBytes });
    staging.catch(fail);
  });
  parser.on("field", (name, value, info) => {
    if (!evidenceMetadataFields.includes(name)) return badRequest(`Unknown field "${name}"`);
    if (name in fields) return badRequest(`The field "${name}" was sent twice`);
    if (info.valueTruncated) return badRequest(`The field "${name}" is too long`);
    fields[name] = value;
  });
  for (const event of ["partsLimit", "fieldsLimit"] as const)
    parser.on(event, () => badRequest("Too many fields in the upload"));
  const onAbort = () => fail(new AppError("bad_request", "The upload was cut off before it finished"));
  request.signal.addEventListener("abort", onAbort);

  try {
    await pipeline(input, parser).catch((error: unknown) => {
      failure ??= classify(error);
    });
    // Await the file even after a failure, so its temp file is gone before we answer.
    const staged = await (staging as Promise<StagedBlob> | null)?.catch((error: unknown) => {
      failure ??= classify(error);
      return null;
    });
    if (failure || !staged) {
      await staged?.discard();
      if (failure) throw failure;
      throw new AppError("bad_request", "No file in the upload: send it in a multipart field named `file`");
    }
    if (staged.size === 0) {
      await staged.discard();
      throw new AppError("bad_request", "The file is empty");
    }
    const f = file as { name: string; type: string | null } | null;
    return { fields, staged, sample: Buffer.concat(sample), fileName: f?.name ?? "", claimedType: f?.type ?? null };
  } finally {
    request.signal.removeEventListener("abort", onAbort);
  }
}
