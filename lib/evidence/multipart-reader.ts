import contentDisposition from "content-disposition";

/** The body is not well-formed multipart (RFC 2046 / RFC 7578), or it ended too soon. */
export class MultipartError extends Error {}

export interface PartHead {
  name: string;
  /** Present (possibly empty) when the part is a file. */
  filename?: string;
  /** The part's media type, lower-cased, without parameters; null when the part names none. */
  contentType: string | null;
}

export interface MultipartLimits {
  /** Bytes of one part's header block. */
  headerBytes: number;
  /** Header lines in one part. */
  headerPairs: number;
  /** Bytes before the first boundary, and after the last one. */
  outsideBytes: number;
}

const DEFAULT_LIMITS: MultipartLimits = { headerBytes: 16 * 1024, headerPairs: 20, outsideBytes: 64 * 1024 };
const CR = 13;
const LF = 10;
const DASH = 45;
const HEADERS_END = Buffer.from("\r\n\r\n");

/** The `boundary` parameter of a multipart Content-Type, or null if it has none that is valid. */
export function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;"]{1,70}))\s*(?:;|$)/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  // RFC 2046's bchars: printable ASCII, and a space anywhere but last.
  return boundary && /^[0-9A-Za-z'()+_,\-./:=? ]*[0-9A-Za-z'()+_,\-./:=?]$/.test(boundary) ? boundary : null;
}

function bytesOf(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * The index from which the end of `buf` (from `from` on) could be the start of `delimiter`, or
 * `buf.length` if no tail could be. Those bytes must wait for the next chunk before they count as
 * data. Every delimiter starts with CR, so only the few CRs near the end are tried.
 */
function pendingTail(buf: Buffer, from: number, delimiter: Buffer): number {
  let at = buf.indexOf(CR, Math.max(from, buf.length - delimiter.length + 1));
  while (at !== -1) {
    if (buf.compare(delimiter, 0, buf.length - at, at) === 0) return at;
    at = buf.indexOf(CR, at + 1);
  }
  return buf.length;
}

function parseHead(block: Buffer, limits: MultipartLimits): PartHead {
  // Part headers are ASCII with RFC 7578's UTF-8 file names as raw bytes: read as Latin-1 here
  // (one byte, one character), so the bytes survive parsing and are decoded as UTF-8 below.
  const text = block.toString("latin1");
  if (/[\0-\x08\x0a-\x1f\x7f]/.test(text.replace(/\r\n/g, "")))
    throw new MultipartError("A part's headers hold a control character");
  const headers = new Map<string, string>();
  const lines = text === "" ? [] : text.split("\r\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    // Obsolete folding: a line that starts with white space continues the one before.
    while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1] as string)) line += ` ${(lines[++i] as string).trim()}`;
    const colon = line.indexOf(":");
    if (colon <= 0) throw new MultipartError("A part's header line has no name");
    const key = line.slice(0, colon).trim().toLowerCase();
    if (headers.has(key)) throw new MultipartError(`A part has the header "${key}" twice`);
    headers.set(key, line.slice(colon + 1).trim());
    if (headers.size > limits.headerPairs) throw new MultipartError("A part has too many headers");
  }
  const disposition = headers.get("content-disposition");
  if (!disposition) throw new MultipartError("A part has no Content-Disposition header");
  let parsed: contentDisposition.ContentDisposition;
  try {
    parsed = contentDisposition.parse(disposition);
  } catch (error) {
    throw new MultipartError(`A part's Content-Disposition cannot be read (${(error as Error).message})`);
  }
  const { name, filename } = parsed.parameters;
  if (parsed.type !== "form-data" || name === undefined)
    throw new MultipartError("A part is not form data with a name");
  const utf8 = (value: string) => Buffer.from(value, "latin1").toString("utf8");
  // An RFC 5987 `filename*` arrives percent-encoded, already decoded by the parser; a plain one is raw bytes.
  const starred = /;\s*filename\*\s*=/i.test(disposition);
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() || null;
  return {
    name: utf8(name),
    ...(filename !== undefined && { filename: starred ? filename : utf8(filename) }),
    contentType: type,
  };
}

/**
 * Reads a multipart body one part at a time, pulling chunks from `source` only as they are needed:
 * `next()` gives the next part's head, then `body()` its bytes (or `text()` its value). The body
 * bytes are slices of the chunks as they arrived, found with the native `Buffer.indexOf`; only a
 * chunk whose end might start a delimiter is held back (and joined to the next one). Anything not
 * well-formed, or a body that ends before the closing boundary, throws `MultipartError`.
 */
export class MultipartReader {
  private buf: Buffer;
  private pos = 0;
  private state: "start" | "head" | "body" | "end" = "start";
  private readonly delimiter: Buffer;
  private readonly limits: MultipartLimits;

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    boundary: string,
    limits: Partial<MultipartLimits> = {},
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`, "latin1");
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    // The first boundary has no line break before it: one is supplied, so every delimiter looks the same.
    this.buf = Buffer.from("\r\n");
  }

  /** Reads one more chunk onto the unread bytes; false once the source is done. */
  private async fill(): Promise<boolean> {
    const { value, done } = await this.source.next();
    if (done) return false;
    const chunk = bytesOf(value);
    const rest = this.buf.subarray(this.pos);
    this.buf = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
    this.pos = 0;
    return true;
  }

  private async need(bytes: number): Promise<void> {
    while (this.buf.length - this.pos < bytes)
      if (!(await this.fill())) throw new MultipartError("The body ended before the form was complete");
  }

  /** Skips to just past the first delimiter (the preamble is ignored). */
  private async skipPreamble(): Promise<void> {
    let skipped = 0;
    for (;;) {
      const at = this.buf.indexOf(this.delimiter, this.pos);
      if (at !== -1) {
        this.pos = at + this.delimiter.length;
        return;
      }
      const keep = pendingTail(this.buf, this.pos, this.delimiter);
      skipped += keep - this.pos;
      this.pos = keep;
      if (skipped > this.limits.outsideBytes) throw new MultipartError("The body does not start with its boundary");
      if (!(await this.fill())) throw new MultipartError("The body has no boundary");
    }
  }

  /** After a delimiter: "--" ends the form; otherwise optional padding and the line break. */
  private async afterDelimiter(): Promise<boolean> {
    await this.need(2);
    if (this.buf[this.pos] === DASH && this.buf[this.pos + 1] === DASH) {
      this.pos += 2;
      this.state = "end";
      return false;
    }
    for (let padding = 0; ; padding++) {
      await this.need(2);
      const byte = this.buf[this.pos];
      if (byte !== 0x20 && byte !== 0x09) break;
      if (padding > 256) throw new MultipartError("A boundary line is too long");
      this.pos++;
    }
    if (this.buf[this.pos] !== CR || this.buf[this.pos + 1] !== LF)
      throw new MultipartError("A boundary is not followed by a line break");
    // The line break stays: the header block is searched from it, so an empty block is found too.
    return true;
  }

  /** The next part's head, or null once the closing boundary is read. */
  async next(): Promise<PartHead | null> {
    if (this.state === "end") return null;
    if (this.state === "start") await this.skipPreamble();
    else if (this.state === "body") {
      const rest = this.body();
      while (!(await rest.next()).done);
    }
    if (!(await this.afterDelimiter())) return null;
    for (;;) {
      const at = this.buf.indexOf(HEADERS_END, this.pos);
      if (at !== -1) {
        const head = parseHead(this.buf.subarray(this.pos + 2, at), this.limits);
        this.pos = at + HEADERS_END.length;
        this.state = "body";
        return head;
      }
      if (this.buf.length - this.pos > this.limits.headerBytes)
        throw new MultipartError("A part's headers are too large");
      await this.need(this.buf.length - this.pos + 1);
    }
  }

  /** The current part's bytes, as they arrive. */
  async *body(): AsyncGenerator<Buffer, void, undefined> {
    if (this.state !== "body") return;
    for (;;) {
      const at = this.buf.indexOf(this.delimiter, this.pos);
      if (at !== -1) {
        const data = this.buf.subarray(this.pos, at);
        this.pos = at + this.delimiter.length;
        this.state = "head";
        if (data.length > 0) yield data;
        return;
      }
      const keep = pendingTail(this.buf, this.pos, this.delimiter);
      if (keep > this.pos) {
        const data = this.buf.subarray(this.pos, keep);
        this.pos = keep;
        yield data;
      }
      if (!(await this.fill())) throw new MultipartError("The body ended inside a part");
    }
  }

  /** The current part's value as UTF-8 text, or null if it is longer than `maxBytes`. */
  async text(maxBytes: number): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.body()) {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    }
    return size <= maxBytes ? Buffer.concat(chunks).toString("utf8") : null;
  }

  /** Reads what follows the closing boundary (ignored), so the whole body has been received. */
  async finish(): Promise<void> {
    if (this.state !== "end") throw new MultipartError("The form has not been read to its end");
    let epilogue = this.buf.length - this.pos;
    this.pos = this.buf.length;
    while (await this.fill()) {
      epilogue += this.buf.length;
      this.pos = this.buf.length;
      if (epilogue > this.limits.outsideBytes) throw new MultipartError("Too much data after the end of the form");
    }
  }
}
