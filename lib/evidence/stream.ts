import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { ByteRange } from "@/lib/storage";

export class IntegrityError extends Error {
  constructor(
    readonly actual: string | null,
    readonly bytesRead: number,
  ) {
    super("The stored bytes do not match their recorded SHA-256; the transfer was stopped");
    this.name = "IntegrityError";
  }
}

/**
 * The bytes as a web stream, hashed on the way out. One chunk is always held back until the
 * hash of everything is known: when it does not match (or the file is longer or shorter than
 * recorded) the stream errors instead of sending that last chunk, so the client is left with a
 * broken, short transfer and never a complete-looking file.
 */
export function verifyingStream(
  source: Readable,
  expected: { sha256: string; size: number },
  onMismatch: (error: IntegrityError) => void,
): ReadableStream<Uint8Array> {
  const hash = createHash("sha256");
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let seen = 0;
  let held: Buffer | null = null;
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: IntegrityError) => {
    source.destroy();
    onMismatch(error);
    controller.error(error);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const { value, done } = await chunks.next();
            if (done) {
              const actual = hash.digest("hex");
              if (actual !== expected.sha256 || seen !== expected.size)
                return fail(controller, new IntegrityError(actual, seen));
              if (held) controller.enqueue(held);
              controller.close();
              return;
            }
            seen += value.length;
            if (seen > expected.size) return fail(controller, new IntegrityError(null, seen));
            hash.update(value);
            const ready = held;
            held = value;
            if (ready) return controller.enqueue(ready);
          }
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

/** A range request's bytes, passed through as they are (a part cannot be checked against the whole file's hash). */
export function plainStream(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
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

export type RangeRequest = { kind: "none" } | { kind: "range"; range: ByteRange } | { kind: "unsatisfiable" };

/**
 * One `bytes=` range (first-last, first-, or -suffix). Several ranges, or another unit, are
 * served as the whole file, as HTTP allows; a range outside the file is unsatisfiable.
 */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: "none" };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match)
    return /^\s*bytes\s*=/i.test(header) && !header.includes(",") ? { kind: "unsatisfiable" } : { kind: "none" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "unsatisfiable" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "range", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return { kind: "unsatisfiable" };
  return { kind: "range", range: { start, end } };
}
