import { describe, expect, it } from "vitest";
import { detectMimeType, isMimeMismatch, normaliseClaimedType, previewKindOf, servedContentType } from "./detect";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex");

describe("detectMimeType", () => {
  it.each([
    ["a PNG", PNG, "image/png"],
    ["a JPEG", JPEG, "image/jpeg"],
    ["a PDF", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "latin1"), "application/pdf"],
    ["a chat log", Buffer.from("[2026-01-02 09:00] recruiter: can you turn on your camera?\n"), "text/plain"],
    ["UTF-8 text", Buffer.from("Überweisung an 0x52908400098527886E0F7030069857D2E4169EE7 — 請確認\n"), "text/plain"],
    ["an HTML page", Buffer.from("\n  <!DOCTYPE html><html><script>alert(1)</script>"), "text/html"],
    ["a bare script tag", Buffer.from("<script>fetch('/api/me')</script>"), "text/html"],
    ["an SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "image/svg+xml"],
    [
      "an SVG with an XML prolog",
      Buffer.from('<?xml version="1.0"?>\n<!-- made by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      "image/svg+xml",
    ],
    ["plain XML", Buffer.from('<?xml version="1.0"?><note>hi</note>'), "application/xml"],
    ["random bytes", Buffer.from([0, 1, 2, 3, 250, 251, 252, 0, 0, 7]), "application/octet-stream"],
    ["nothing", Buffer.alloc(0), "application/octet-stream"],
  ])("names %s by its bytes", async (_what, bytes, expected) => {
    expect(await detectMimeType(bytes)).toBe(expected);
  });
});

describe("isMimeMismatch", () => {
  it.each([
    ["image/png", "image/png", false],
    ["image/jpg", "image/jpeg", false],
    [null, "image/png", false],
    ["application/octet-stream", "application/pdf", false],
    ["text/csv", "text/plain", false],
    ["application/json", "text/plain", false],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip", false],
    ["application/pdf", "text/html", true],
    ["image/png", "image/svg+xml", true],
    ["text/plain", "text/html", true],
    ["image/png", "application/pdf", true],
    ["application/pdf", "application/x-msdownload", true],
  ])("claimed %s, detected %s: %s", (claimed, detected, expected) => {
    expect(isMimeMismatch(claimed, detected)).toBe(expected);
  });
});

describe("types served to the browser", () => {
  it("never lets markup render", () => {
    for (const mime of ["text/html", "image/svg+xml", "application/xhtml+xml", "application/xml", "text/javascript"]) {
      expect(previewKindOf(mime)).toBe("text");
      expect(servedContentType(mime)).toBe("text/plain; charset=utf-8");
    }
  });

  it("previews raster images and PDF as themselves", () => {
    expect(previewKindOf("image/png")).toBe("image");
    expect(servedContentType("image/png")).toBe("image/png");
    expect(previewKindOf("application/pdf")).toBe("pdf");
    expect(previewKindOf("video/mp4")).toBe("none");
  });

  it("keeps only the bare claimed type", () => {
    expect(normaliseClaimedType("Text/Plain; charset=UTF-8")).toBe("text/plain");
    expect(normaliseClaimedType("nonsense")).toBeNull();
    expect(normaliseClaimedType(undefined)).toBeNull();
  });
});
