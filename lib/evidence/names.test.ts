import { describe, expect, it } from "vitest";
import { contentDisposition, sanitizeFileName } from "./names";

describe("sanitizeFileName", () => {
  it.each([
    ["strips NUL and other controls", "a\u0000b\u0007c\r\n.txt", "abc.txt"],
    ["strips direction overrides", "photo\u202Egpj.exe", "photogpj.exe"],
    ["keeps path text as text", "../../etc/passwd", "../../etc/passwd"],
    ["keeps other scripts", "résumé — 履歴書.pdf", "résumé — 履歴書.pdf"],
    ["names the nameless", "\u0000\u202E ", "unnamed"],
  ])("%s", (_what, input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it("caps the length at 255 characters without splitting a character", () => {
    const name = sanitizeFileName("😀".repeat(1000));
    expect([...name]).toHaveLength(255);
    expect(name.endsWith("😀")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the exact name in filename*", () => {
    expect(contentDisposition("attachment", "résumé 履歴書.pdf")).toBe(
      `attachment; filename="resume_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%E5%B1%A5%E6%AD%B4%E6%9B%B8.pdf`,
    );
  });

  it("keeps quotes, semicolons and line breaks out of the header", () => {
    const header = contentDisposition("inline", 'a";\r\nSet-Cookie: x=1; filename="evil.html');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toMatch(/^inline; filename="a_Set-Cookie_x_1_filename_evil.html"; filename\*=UTF-8''/);
  });

  it("drops path segments from the download name", () => {
    expect(contentDisposition("attachment", "../../etc/passwd")).toBe(
      `attachment; filename="passwd"; filename*=UTF-8''passwd`,
    );
    expect(contentDisposition("attachment", "..")).toMatch(/^attachment; filename="evidence"/);
  });
});
