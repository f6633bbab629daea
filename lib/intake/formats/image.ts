import { execFile, execFileSync } from "node:child_process";
import { UnsupportedFormat, type Extractor } from "./types";

let engine: string | null | undefined;

/** Debian's tesseract-ocr, found at run time: a server without it says so rather than failing. */
export function ocrEngine(): string | null {
  if (engine !== undefined) return engine;
  const bin = process.env.TESSERACT_PATH || "tesseract";
  try {
    execFileSync(bin, ["--version"], { stdio: "ignore", timeout: 10_000 });
    engine = bin;
  } catch {
    engine = null;
  }
  return engine;
}

/** Text in a screenshot or a scan, by tesseract reading the image from standard input. */
export const extractImage: Extractor = async function* (bytes, ctx) {
  const bin = ocrEngine();
  if (!bin) throw new UnsupportedFormat("no OCR engine on this server (install tesseract-ocr to read images)");
  const text = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      bin,
      ["stdin", "stdout", "-l", "eng"],
      { timeout: Math.max(1_000, ctx.remainingMs()), maxBuffer: 16 * 1024 * 1024, encoding: "utf8" },
      (err, stdout) =>
        err ? reject(err.killed ? new Error("OCR took longer than the time limit") : err) : resolve(stdout),
    );
    child.stdin?.on("error", () => {});
    child.stdin?.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
  yield { text: text.replace(/\f/g, "").trim() };
};
