/**
 * Text extraction throughput: a generated corpus of PDFs and Word files read by the app's
 * extraction (the worker thread the background job uses), beside poppler's `pdftotext` on the
 * same PDFs in the same run, with the process's resident memory sampled throughout.
 *
 *   npm run bench:extract                 (PDFS=300 DOCX=250 by default: 550 files of 1-20 pages)
 *
 * Target from the issue: at least 0.5 x the pages per second of pdftotext, RSS growth under 200 MB.
 * Both sides read one file at a time; pdftotext starts a process per file, as a shell loop would.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

process.env.LOG_LEVEL ??= "warn";
const run = promisify(execFile);

const PDFS = Number(process.env.PDFS ?? 300);
const DOCX = Number(process.env.DOCX ?? 250);

// A small seeded generator, so every run reads the same corpus.
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS =
  "engineer solidity contract wallet payroll laptop shipping address interview blockchain backend react node python team lead audit bridge lending protocol token deploy review remote contractor invoice bank transfer".split(
    " ",
  );

function pageText(random: () => number, n: number): string {
  const lines: string[] = [`Page ${n}`];
  for (let l = 0; l < 40; l++) {
    const words = Array.from({ length: 10 }, () => WORDS[Math.floor(random() * WORDS.length)]);
    if (random() < 0.05) words.push(`contact${Math.floor(random() * 1e6)}@example.com`);
    lines.push(words.join(" "));
  }
  return lines.join("\n");
}

async function main() {
  const { makeDocx, makePdf } = await import("@/lib/intake/samples");
  const { extractText, stopExtraction } = await import("@/lib/intake/extract");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-bench-extract-"));
  try {
    const random = generator(42);
    const corpus: { file: string; type: "pdf" | "docx"; pages: number }[] = [];
    const madeAt = performance.now();
    for (let i = 0; i < PDFS + DOCX; i++) {
      const pages = 1 + Math.floor(random() * 20);
      const texts = Array.from({ length: pages }, (_, p) => pageText(random, p + 1));
      const type = i < PDFS ? "pdf" : "docx";
      const bytes = type === "pdf" ? await makePdf(texts) : await makeDocx(texts.flatMap((t) => t.split("\n")));
      const file = path.join(dir, `doc-${i}.${type}`);
      fs.writeFileSync(file, bytes);
      corpus.push({ file, type, pages });
    }
    const pdfs = corpus.filter((c) => c.type === "pdf");
    const pdfPages = pdfs.reduce((n, c) => n + c.pages, 0);
    const docxFiles = corpus.filter((c) => c.type === "docx");
    console.log(
      `corpus: ${pdfs.length} PDFs (${pdfPages} pages) and ${docxFiles.length} DOCX, made in ${((performance.now() - madeAt) / 1000).toFixed(1)} s`,
    );

    const mime = {
      pdf: "application/pdf",
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };
    // Warm-up: the worker thread starts and loads its parsers once per process.
    await extractText(new Uint8Array(fs.readFileSync(pdfs[0]!.file)), { fileName: "warm.pdf", mimeType: mime.pdf });

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);

    let read = 0;
    let start = performance.now();
    for (const c of pdfs) {
      const out = await extractText(new Uint8Array(fs.readFileSync(c.file)), { fileName: "x.pdf", mimeType: mime.pdf });
      if (out.status !== "done" || out.pages.length !== c.pages)
        throw new Error(`${c.file}: ${out.status} ${out.reason}`);
      read += out.pages.length;
    }
    const oursPdfS = (performance.now() - start) / 1000;

    start = performance.now();
    let docChars = 0;
    for (const c of docxFiles) {
      const out = await extractText(new Uint8Array(fs.readFileSync(c.file)), {
        fileName: "x.docx",
        mimeType: mime.docx,
      });
      if (out.status !== "done") throw new Error(`${c.file}: ${out.status} ${out.reason}`);
      docChars += out.pages[0]?.text.length ?? 0;
    }
    const oursDocxS = (performance.now() - start) / 1000;
    clearInterval(sampler);

    start = performance.now();
    for (const c of pdfs) await run("pdftotext", ["-q", c.file, "-"], { maxBuffer: 64 * 1024 * 1024 });
    const popplerS = (performance.now() - start) / 1000;

    const ours = read / oursPdfS;
    const poppler = pdfPages / popplerS;
    console.log(
      `PDF pages/s   app ${ours.toFixed(0)}   pdftotext ${poppler.toFixed(0)}   ratio ${(ours / poppler).toFixed(2)} x (target >= 0.5)`,
    );
    console.log(
      `DOCX files/s  app ${(docxFiles.length / oursDocxS).toFixed(1)} (${docxFiles.length} files, ${(docChars / 1e6).toFixed(1)} M characters in ${oursDocxS.toFixed(1)} s)`,
    );
    console.log(`RSS growth while extracting: ${((rssPeak - rssBefore) / 1024 / 1024).toFixed(0)} MB (target < 200)`);
    await stopExtraction();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
