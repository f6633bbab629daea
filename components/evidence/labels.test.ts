import { describe, expect, it } from "vitest";
import { describeCustody } from "./labels";

describe("describeCustody", () => {
  it("says an upload's detail in words, with the size in binary units", () => {
    expect(
      describeCustody({
        sha256: "ab".repeat(32),
        size: 2_202_009,
        mimeType: "application/pdf",
        claimedMimeType: "application/pdf",
        originalName: "résumé.pdf",
      }),
    ).toBe(
      `SHA-256: ${"ab".repeat(32)} · Size: 2.1 MiB · Type: application/pdf · Type the uploader gave: application/pdf · File name: résumé.pdf`,
    );
  });

  it("explains a failed check, skips empty values and spells out a key it does not know", () => {
    expect(describeCustody({ expected: "e", actual: null, problem: "missing", size: null })).toBe(
      "Expected SHA-256: e · Problem: the stored file is missing",
    );
    expect(describeCustody({ storedNew: true, packSha256: "p" })).toBe("Stored new: yes · Pack SHA-256: p");
  });
});
