import { describe, expect, it } from "vitest";
import { distinctPaths, evidencePaths, packFileName, safeFileName } from "./names";

describe("pack file names", () => {
  it("keeps letters of any script, digits, dot, dash and underscore, and only the last path segment", () => {
    expect(safeFileName("Résumé (final).pdf")).toBe("Résumé_final.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\x\\chat log.txt")).toBe("chat_log.txt");
    expect(safeFileName("резюме.docx")).toBe("резюме.docx");
    expect(safeFileName(".hidden")).toBe("hidden");
    expect(safeFileName("$$$")).toBe("file");
    expect(safeFileName("")).toBe("file");
    expect(safeFileName(`${"a".repeat(300)}.tar.gz`)).toBe(`${"a".repeat(117)}.gz`);
  });

  it("gives colliding paths distinct names, ignoring case, keeping the extension", () => {
    expect(
      distinctPaths(["evidence/x.txt", "evidence/X.txt", "evidence/x.txt", "evidence/x-2.txt", "evidence/noext"]),
    ).toEqual(["evidence/x.txt", "evidence/X-2.txt", "evidence/x-3.txt", "evidence/x-2-2.txt", "evidence/noext"]);
    expect(distinctPaths(["evidence/a", "evidence/a"])).toEqual(["evidence/a", "evidence/a-2"]);
  });

  it("prefixes the exhibit number", () => {
    expect(
      evidencePaths([
        { exhibitNo: "E-001", originalName: "a b.pdf" },
        { exhibitNo: "E-1000", originalName: "a?b.pdf" },
      ]),
    ).toEqual(["evidence/E-001_a_b.pdf", "evidence/E-1000_a_b.pdf"]);
  });

  it("names the pack after the case and the UTC time", () => {
    expect(packFileName("CASE-2026-0042", new Date("2026-03-14T10:15:00.123Z"))).toBe(
      "CASE-2026-0042_20260314T101500Z.zip",
    );
  });
});
