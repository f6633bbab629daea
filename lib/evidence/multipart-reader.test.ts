import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BOUNDARY, multipart, type Part } from "@/lib/testing/evidence";
import { MultipartError, MultipartReader, boundaryOf } from "./multipart-reader";

/** The body cut into pieces of the given sizes (cycled), as a network would deliver it. */
async function* pieces(body: Buffer, sizes: number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, i = 0; at < body.length; i++) {
    const size = sizes[i % sizes.length] as number;
    // A plain Uint8Array, as a web stream hands them over, not a Buffer.
    yield new Uint8Array(body.subarray(at, at + size));
    at += size;
  }
}

interface ReadPart {
  name: string;
  filename?: string;
  contentType: string | null;
  data: Buffer;
}

async function readAll(body: Buffer, sizes: number[] = [body.length], boundary = BOUNDARY): Promise<ReadPart[]> {
  const reader = new MultipartReader(pieces(body, sizes), boundary);
  const parts: ReadPart[] = [];
  for (let head = await reader.next(); head; head = await reader.next()) {
    const chunks: Buffer[] = [];
    for await (const chunk of reader.body()) chunks.push(chunk);
    parts.push({ ...head, data: Buffer.concat(chunks) });
  }
  await reader.finish();
  return parts;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

const delimiter = `\r\n--${BOUNDARY}`;
// File contents built to sit on the parser's edges: near-delimiters, CRs at every offset, a tail
// that starts like a delimiter.
const awkward: Record<string, Buffer> = {
  random: randomBytes(5000),
  "line breaks and dashes": Buffer.from("\r\n\r\n--\r\n--\r\r\n-\n--".repeat(50)),
  "the delimiter minus its last byte": Buffer.from(`${delimiter.slice(0, -1)}x${delimiter.slice(0, -1)}`),
  "the boundary without its line break": Buffer.from(`--${BOUNDARY}\n--${BOUNDARY}`),
  "a trailing CR": Buffer.from("data ends with a CR\r"),
  "a trailing line break and dashes": Buffer.from("data\r\n--"),
  "only a CR": Buffer.from("\r"),
};

describe("MultipartReader", () => {
  const parts: Part[] = [
    { name: "title", value: "Résumé — 이력서" },
    { name: "file", filename: "cv.pdf", type: "Application/PDF", data: Buffer.alloc(0) },
    { name: "notes", value: "" },
  ];

  it.each(Object.entries(awkward))("returns a file of %s byte for byte at every chunking", async (_what, data) => {
    const body = multipart(parts.map((p) => ("data" in p ? { ...p, data } : p)));
    const want = createHash("sha256").update(data).digest("hex");
    for (const sizes of [
      [body.length],
      [1],
      [2],
      [3],
      [7],
      [delimiter.length - 1],
      [delimiter.length + 1],
      [64, 1, 5],
    ]) {
      const read = await readAll(body, sizes);
      expect(read.map((p) => p.name)).toEqual(["title", "file", "notes"]);
      expect(createHash("sha256").update(read[1]!.data).digest("hex"), `chunks of ${sizes.join(",")}`).toBe(want);
      expect(read[0]!.data.toString("utf8")).toBe("Résumé — 이력서");
      expect(read[2]!.data).toHaveLength(0);
      expect(read[1]).toMatchObject({ filename: "cv.pdf", contentType: "application/pdf" });
      expect(read[0]).toMatchObject({ contentType: null });
      expect(read[0]).not.toHaveProperty("filename");
    }
  });

  it("hands the file over as slices of the chunks, holding back only a tail that may start a delimiter", async () => {
    const data = randomBytes(1 << 20);
    data.fill(0x41, 0, data.length); // no CR anywhere: nothing to hold back
    const body = multipart([{ name: "file", filename: "a.bin", data }]);
    const reader = new MultipartReader(pieces(body, [64 * 1024]), BOUNDARY);
    await reader.next();
    const sizes: number[] = [];
    for await (const chunk of reader.body()) sizes.push(chunk.length);
    expect(sizes.length).toBeLessThanOrEqual(18);
    expect(sizes.slice(1, -1).every((n) => n === 64 * 1024)).toBe(true);
  });

  it("reads any truncation of a body as an error, never as a complete form", async () => {
    const body = multipart([
      { name: "title", value: "cut" },
      { name: "file", filename: "a.bin", data: Buffer.from("x\r\n--y\r") },
    ]);
    for (let cut = 0; cut < body.length - 2; cut++) {
      const error = await failure(readAll(body.subarray(0, cut), [5]));
      expect(error, `cut at ${cut}`).toBeInstanceOf(MultipartError);
    }
    // The closing line break after "--" is optional.
    await expect(readAll(body.subarray(0, body.length - 2))).resolves.toHaveLength(2);
  });

  it("skips a preamble, padding after a boundary and an epilogue", async () => {
    const inner = multipart([{ name: "file", filename: "a.txt", data: Buffer.from("hello") }]).toString("latin1");
    const padded = inner.replace(`--${BOUNDARY}\r\n`, `--${BOUNDARY} \t \r\n`);
    const body = Buffer.from(`This is the preamble.\r\n${padded}\r\nand an epilogue`, "latin1");
    const read = await readAll(body, [3]);
    expect(read).toHaveLength(1);
    expect(read[0]!.data.toString()).toBe("hello");
  });

  it("decodes UTF-8 file names sent raw or RFC 5987-encoded, and folded headers", async () => {
    const raw = multipart([{ name: "file", filename: "отчёт 報告.pdf", data: Buffer.from("x") }]);
    expect((await readAll(raw))[0]!.filename).toBe("отчёт 報告.pdf");
    const starred = multipart([
      { name: "file", filename: "отчёт 報告.pdf", filenameStar: true, data: Buffer.from("x") },
    ]);
    expect((await readAll(starred))[0]!.filename).toBe("отчёт 報告.pdf");
    const folded = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data;\r\n name="file"; filename="a.txt"\r\n\r\nx\r\n--${BOUNDARY}--`,
    );
    expect((await readAll(folded))[0]).toMatchObject({ name: "file", filename: "a.txt" });
  });

  it.each([
    ["a raw NUL in a header", `Content-Disposition: form-data; name="file"; filename="a\0.txt"`],
    ["a bare line feed in a header", `Content-Disposition: form-data; name="file"\nX: y`],
    ["no Content-Disposition", `Content-Type: text/plain`],
    ["no headers at all", ``],
    ["a disposition that is not form data", `Content-Disposition: attachment; name="file"`],
    ["a disposition without a name", `Content-Disposition: form-data; filename="a.txt"`],
    ["a malformed disposition", `Content-Disposition: form-data; name="file`],
    ["a header line without a name", `: form-data`],
    ["a header sent twice", `Content-Disposition: form-data; name="a"\r\nContent-Disposition: form-data; name="b"`],
    ["too many headers", Array.from({ length: 25 }, (_, i) => `X-${i}: y`).join("\r\n")],
    ["an oversized header block", `Content-Disposition: form-data; name="${"a".repeat(20_000)}"`],
  ])("refuses %s", async (_what, headers) => {
    const body = Buffer.from(`--${BOUNDARY}\r\n${headers}\r\n\r\nvalue\r\n--${BOUNDARY}--\r\n`);
    expect(await failure(readAll(body, [100]))).toBeInstanceOf(MultipartError);
  });

  it.each([
    ["no boundary at all", Buffer.from("just some text")],
    ["a boundary followed by other bytes", Buffer.from(`--${BOUNDARY}xx\r\n`)],
    ["a long preamble", Buffer.concat([Buffer.alloc(100_000, 0x61), multipart([{ name: "a", value: "b" }])])],
    ["a long epilogue", Buffer.concat([multipart([{ name: "a", value: "b" }]), Buffer.alloc(100_000, 0x61)])],
  ])("refuses a body with %s", async (_what, body) => {
    expect(await failure(readAll(body, [1000]))).toBeInstanceOf(MultipartError);
  });

  it("reads a field's text up to a limit, and says when it is longer", async () => {
    const body = multipart([
      { name: "short", value: "ok" },
      { name: "long", value: "x".repeat(100) },
    ]);
    const reader = new MultipartReader(pieces(body, [7]), BOUNDARY);
    await reader.next();
    expect(await reader.text(10)).toBe("ok");
    await reader.next();
    expect(await reader.text(10)).toBeNull();
    expect(await reader.next()).toBeNull();
  });

  it("skips a part's body that was not read", async () => {
    const body = multipart([
      { name: "file", filename: "a.bin", data: randomBytes(10_000) },
      { name: "title", value: "after" },
    ]);
    const reader = new MultipartReader(pieces(body, [333]), BOUNDARY);
    expect(await reader.next()).toMatchObject({ name: "file" });
    expect(await reader.next()).toMatchObject({ name: "title" });
    expect(await reader.text(100)).toBe("after");
  });
});

/** A small seeded generator, so a failing case can be replayed from its seed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n: number) => Math.floor(next() * n), next };
}

describe("MultipartReader against the platform's own form parser", () => {
  // Bytes that sit near a delimiter: line breaks, dashes, the boundary's first characters.
  const tricky = [
    "\r",
    "\n",
    "\r\n",
    "--",
    "\r\n--",
    `\r\n--${BOUNDARY.slice(0, 10)}`,
    `--${BOUNDARY.slice(0, -1)}`,
    "x",
  ];

  it("reads 300 random forms, cut into random chunks, as Response.formData() reads them whole", async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seeded(seed);
      const parts: Part[] = Array.from({ length: 1 + random.int(4) }, (_, i) => {
        const pieces = Array.from({ length: random.int(40) }, () =>
          random.int(3) === 0 ? randomBytes(random.int(300)) : Buffer.from(tricky[random.int(tricky.length)] as string),
        );
        const joined = Buffer.concat(pieces);
        // A sender picks a boundary that its parts do not contain.
        const data = joined.includes(`--${BOUNDARY}`) ? Buffer.from("x") : joined;
        return random.int(2) === 0
          ? { name: `file${i}`, filename: `f${i}.bin`, data }
          : { name: `field${i}`, value: data.toString("latin1").replace(/[^\x20-\x7e\r\n]/g, "é") };
      });
      const body = multipart(parts);
      const sizes = Array.from({ length: 5 }, () => 1 + random.int(random.int(2) === 0 ? 8 : 400));
      const ours = await readAll(body, sizes);
      const theirs = [
        ...(
          await new Response(new Uint8Array(body), {
            headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
          }).formData()
        ).entries(),
      ];
      expect(
        ours.map((p) => p.name),
        `seed ${seed}`,
      ).toEqual(theirs.map(([name]) => name));
      for (const [i, [, value]] of theirs.entries()) {
        const mine = ours[i] as ReadPart;
        if (typeof value === "string") expect(mine.data.toString("utf8"), `seed ${seed} part ${i}`).toBe(value);
        else {
          expect(mine.filename).toBe(value.name);
          expect(mine.data.equals(Buffer.from(await value.arrayBuffer())), `seed ${seed} part ${i}`).toBe(true);
        }
      }
    }
  });
});

describe("boundaryOf", () => {
  it.each([
    ["multipart/form-data; boundary=abc", "abc"],
    ['multipart/form-data; boundary="a b:c"', "a b:c"],
    ["multipart/form-data; charset=utf-8; BOUNDARY=xyz", "xyz"],
    ["multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", "----WebKitFormBoundary7MA4YWxkTrZu0gW"],
    ["multipart/form-data", null],
    ["multipart/form-data; boundary=", null],
    [`multipart/form-data; boundary=${"a".repeat(71)}`, null],
    ['multipart/form-data; boundary="ends with space "', null],
    ["multipart/form-data; boundary=a\u0000b", null],
  ])("reads %j as %j", (type, want) => {
    expect(boundaryOf(type)).toBe(want);
  });
});
