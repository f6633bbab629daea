import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectMimeType, SNIFF_BYTES } from "@/lib/evidence/detect";
import { extractText, stopExtraction, type ExtractLimits } from "./extract";
import { ocrEngine } from "./formats/image";
import { makeDocx, makeEml, makePdf, makeXlsx } from "./samples";

function hasPdftoppm(): boolean {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

/** As the upload does: the type comes from the bytes, the name only from the uploader. */
async function read(bytes: Uint8Array, fileName: string, limits?: ExtractLimits) {
  const mimeType = await detectMimeType(bytes.subarray(0, SNIFF_BYTES));
  return extractText(bytes, { fileName, mimeType }, limits);
}

describe("text extraction", { timeout: 60_000 }, () => {
  afterAll(() => stopExtraction());

  it("reads a PDF page by page", async () => {
    const out = await read(
      await makePdf(["Kim Sang Man, Senior Solidity Engineer", "Contact: kim.sm@example.com"]),
      "cv.pdf",
    );
    expect(out).toMatchObject({ status: "done", format: "pdf", reason: null });
    expect(out.pages.map((p) => p.text)).toEqual([
      "Kim Sang Man, Senior Solidity Engineer",
      "Contact: kim.sm@example.com",
    ]);
  });

  it("reads a Word document's paragraphs", async () => {
    const out = await read(
      await makeDocx(["Sang-Man Gim", "Blockchain developer, 7 years", "gim.sangman@example.org"]),
      "cv.docx",
    );
    expect(out.status).toBe("done");
    expect(out.format).toBe("docx");
    expect(out.pages).toHaveLength(1);
    expect(out.pages[0]!.text.split("\n").filter(Boolean)).toEqual([
      "Sang-Man Gim",
      "Blockchain developer, 7 years",
      "gim.sangman@example.org",
    ]);
  });

  it("reads an e-mail's headers and body, then each attachment as its own part", async () => {
    const pdf = await makePdf(["Attached resume: wallet 0x97b1043abd9e6fc31681635166d430a458d14f9c", "Second page"]);
    const eml = makeEml({
      from: "Recruiter <talent@example.com>",
      to: "hr@example.net",
      subject: "Candidate for the Solidity role",
      body: "Please see the attached CV. Reply to kim.sm+jobs@gmail.com",
      attachments: [{ name: "cv.pdf", type: "application/octet-stream", data: pdf }],
    });
    const out = await read(eml, "message.eml");
    expect(out.format).toBe("email");
    expect(out.status).toBe("done");
    expect(out.pages.map((p) => p.label)).toEqual(["Message", "Attachment: cv.pdf", "Attachment: cv.pdf, page 2"]);
    expect(out.pages[0]!.text).toContain("Subject: Candidate for the Solidity role");
    expect(out.pages[0]!.text).toContain('From: "Recruiter" <talent@example.com>');
    expect(out.pages[0]!.text).toContain("kim.sm+jobs@gmail.com");
    expect(out.pages[1]!.text).toContain("0x97b1043abd9e6fc31681635166d430a458d14f9c");
  });

  it("reads only the visible text of HTML and never runs its scripts", async () => {
    const marker = `ran-${Date.now()}`;
    const html = `<!doctype html><html><head><title>Profile</title><script>globalThis.ran = "${marker}"</script></head>
      <body><h1>Kim Sang Man</h1><p>Find me on <a href="https://github.com/kimsm-dev">GitHub</a></p>
      <script>document.write("${marker}")</script><style>.x{}</style><img src=x onerror="globalThis.ran=1"></body></html>`;
    const out = await read(enc(html), "profile.html");
    expect(out.format).toBe("html");
    expect(out.pages[0]!.text).toBe("Kim Sang Man\nFind me on GitHub (https://github.com/kimsm-dev)");
    expect(out.pages[0]!.text).not.toContain(marker);
    expect((globalThis as { ran?: unknown }).ran).toBeUndefined();
  });

  it("reads a workbook sheet by sheet", async () => {
    const xlsx = await makeXlsx({
      Applicants: [
        ["applicant_id", "full_name", "email"],
        ["A-17", "Kim Sang Man", "kim.sm@example.com"],
      ],
    });
    const out = await read(xlsx, "ats.xlsx");
    expect(out).toMatchObject({ status: "done", format: "xlsx" });
    expect(out.pages).toEqual([
      { label: "Sheet: Applicants", text: "applicant_id\tfull_name\temail\nA-17\tKim Sang Man\tkim.sm@example.com" },
    ]);
  });

  it("reads plain text, CSV and JSON as text", async () => {
    const out = await read(enc("applicant_id,email\nA-1,x@example.com\n"), "export.csv");
    expect(out).toMatchObject({
      status: "done",
      format: "text",
      pages: [{ text: "applicant_id,email\nA-1,x@example.com\n" }],
    });
  });

  it("says why a broken PDF has no text, and goes on with the next file", async () => {
    const broken = await read(enc("%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage"), "broken.pdf");
    expect(broken.status).toBe("failed");
    expect(broken.reason).toMatch(/could not be read/);
    expect(broken.pages).toEqual([]);
    const next = await read(await makePdf(["still working"]), "ok.pdf");
    expect(next.status).toBe("done");
  });

  it("stops at the page limit and keeps what it read", async () => {
    const pdf = await makePdf(Array.from({ length: 12 }, (_, i) => `Page ${i + 1}`));
    const out = await read(pdf, "long.pdf", { timeMs: 30_000, maxPages: 5, maxChars: 1_000_000, memoryMb: 256 });
    expect(out.status).toBe("partial");
    expect(out.reason).toBe("stopped at the limit of 5 pages");
    expect(out.pages.map((p) => p.text)).toEqual(["Page 1", "Page 2", "Page 3", "Page 4", "Page 5"]);
  });

  it("stops at the character limit", async () => {
    const out = await read(enc("x".repeat(5_000)), "big.txt", {
      timeMs: 30_000,
      maxPages: 10,
      maxChars: 1_000,
      memoryMb: 256,
    });
    expect(out.status).toBe("partial");
    expect(out.reason).toBe("stopped at the limit of 1,000 characters");
    expect(out.pages[0]!.text).toHaveLength(1_000);
  });

  it("ends a reader that runs past the time limit, and the next file gets a fresh one", async () => {
    // Ten thousand pages cannot be read in 50 ms: the limit is met wherever the reader is.
    const pdf = await makePdf(Array.from({ length: 3_000 }, (_, i) => `Page ${i + 1} of a very long file`));
    const out = await read(pdf, "huge.pdf", { timeMs: 50, maxPages: 10_000, maxChars: 10_000_000, memoryMb: 256 });
    expect(out.status).toBe("partial");
    expect(out.reason).toMatch(/time limit/);
    expect(out.pages.length).toBeLessThan(3_000);
    const next = await read(await makePdf(["after the limit"]), "ok.pdf");
    expect(next).toMatchObject({ status: "done", pages: [{ text: "after the limit" }] });
  });

  it("lists a ZIP archive without expanding it", async () => {
    const docx = await makeDocx(["inside"]);
    // A .docx is a ZIP: read as a plain archive when the bytes say ZIP and nothing more.
    const { extractZipListing } = await import("./formats/zip");
    const pages = [];
    for await (const p of extractZipListing(docx, {
      fileName: "a.zip",
      mimeType: "application/zip",
      remainingMs: () => 1e4,
      depth: 0,
    }))
      pages.push(p);
    expect(pages[0]!.label).toBe("Archive listing");
    expect(pages[0]!.text).toMatch(/word\/document\.xml\t\d+ bytes/);
  });

  it("says a format has no text rather than failing", async () => {
    const out = await read(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x00]), "blob.bin");
    expect(out).toMatchObject({ status: "unsupported", reason: "no text is read from application/octet-stream files" });
  });

  it.runIf(ocrEngine() !== null && hasPdftoppm())("reads the text of an image with the OCR engine", async () => {
    // A page rendered to PNG by poppler: a screenshot of a profile, as far as OCR can tell.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocr-"));
    try {
      fs.writeFileSync(path.join(dir, "page.pdf"), await makePdf(["Contact: kim.sangman@example.com"]));
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "150",
        "-singlefile",
        path.join(dir, "page.pdf"),
        path.join(dir, "page"),
      ]);
      const out = await read(new Uint8Array(fs.readFileSync(path.join(dir, "page.png"))), "screenshot.png");
      expect(out).toMatchObject({ status: "done", format: "image" });
      expect(out.pages[0]!.text).toContain("kim.sangman@example.com");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(ocrEngine() === null)("says an image has no OCR engine when tesseract is missing", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const out = await read(new Uint8Array(png), "shot.png");
    expect(out.status).toBe("unsupported");
    expect(out.reason).toMatch(/no OCR engine/);
  });
});
