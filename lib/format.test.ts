import { describe, expect, it } from "vitest";
import { formatBytes, formatCount } from "./format";

describe("format", () => {
  it("counts with thousands separators and the right plural", () => {
    expect(formatCount(0, "case")).toBe("0 cases");
    expect(formatCount(1, "case")).toBe("1 case");
    expect(formatCount(13815, "persona")).toBe("13,815 personas");
    expect(formatCount(2, "identity", "identities")).toBe("2 identities");
  });

  it("sizes in binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(3.4 * 1024 * 1024)).toBe("3.4 MiB");
    expect(formatBytes(120 * 1024 ** 3)).toBe("120 GiB");
  });
});
