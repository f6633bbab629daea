import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { IntegrityError, parseRange, verifyingStream } from "./stream";

describe("parseRange", () => {
  const size = 1000;
  it.each([
    [null, { kind: "none" }],
    ["bytes=0-99", { kind: "range", range: { start: 0, end: 99 } }],
    ["bytes=900-", { kind: "range", range: { start: 900, end: 999 } }],
    ["bytes=-100", { kind: "range", range: { start: 900, end: 999 } }],
    ["bytes=-5000", { kind: "range", range: { start: 0, end: 999 } }],
    ["bytes=990-5000", { kind: "range", range: { start: 990, end: 999 } }],
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=50-10", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    ["bytes=abc", { kind: "unsatisfiable" }],
    ["bytes=0-1,5-6", { kind: "none" }],
    ["items=0-1", { kind: "none" }],
  ])("%s", (header, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

async function collect(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { bytes: Buffer.concat(parts), error: null as unknown };
      parts.push(value);
    }
  } catch (error) {
    return { bytes: Buffer.concat(parts), error };
  }
}

const chunks = (bytes: Buffer, n = 4) =>
  Readable.from(
    Array.from({ length: n }, (_, i) => bytes.subarray((i * bytes.length) / n, ((i + 1) * bytes.length) / n)),
  );

describe("verifyingStream", () => {
  const bytes = randomBytes(4000);
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  it("passes intact bytes through whole", async () => {
    const onMismatch = vi.fn();
    const { bytes: got, error } = await collect(
      verifyingStream(chunks(bytes), { sha256, size: bytes.length }, onMismatch),
    );
    expect(error).toBeNull();
    expect(got.equals(bytes)).toBe(true);
    expect(onMismatch).not.toHaveBeenCalled();
  });

  it.each([
    ["altered", () => Buffer.concat([bytes.subarray(0, 10), Buffer.from("!"), bytes.subarray(11)])],
    ["shorter", () => bytes.subarray(0, 3000)],
    ["longer", () => Buffer.concat([bytes, Buffer.from("extra")])],
  ])("errors before the last chunk when the stored bytes are %s", async (_what, make) => {
    const onMismatch = vi.fn();
    const { bytes: got, error } = await collect(
      verifyingStream(chunks(make()), { sha256, size: bytes.length }, onMismatch),
    );
    expect(error).toBeInstanceOf(IntegrityError);
    expect(got.length).toBeLessThan(bytes.length);
    expect(onMismatch).toHaveBeenCalledOnce();
  });

  it("sends nothing of a single-chunk file that fails", async () => {
    const { bytes: got, error } = await collect(
      verifyingStream(Readable.from([Buffer.from("tampered")]), { sha256, size: 8 }, () => {}),
    );
    expect(error).toBeInstanceOf(IntegrityError);
    expect(got.length).toBe(0);
  });
});
