import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatDate, formatDateTime } from "./format";

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

describe("dates", () => {
  it("writes a day as the locale does, and a date without a time as that day in any time zone", () => {
    expect(formatDate("2026-12-03", { locale: "en-GB" })).toBe("3 Dec 2026");
    expect(formatDate("2026-12-03", { locale: "en-US" })).toBe("Dec 3, 2026");
    expect(formatDate("2026-12-03", { locale: "en-GB", timeZone: "Pacific/Honolulu" })).toBe("3 Dec 2026");
    expect(formatDate("2026-12-03T23:30:00Z", { locale: "en-GB", timeZone: "Asia/Seoul" })).toBe("4 Dec 2026");
    expect(formatDate(null)).toBe("—");
  });

  it("writes a moment with its time zone named", () => {
    expect(formatDateTime("2026-12-03T14:05:00Z", { locale: "en-GB", timeZone: "Europe/London" })).toBe(
      "3 Dec 2026, 14:05 GMT",
    );
    expect(formatDateTime("2026-12-03T14:05:00Z", { locale: "en-GB", timeZone: "Asia/Seoul" })).toBe(
      "3 Dec 2026, 23:05 GMT+9",
    );
    expect(formatDateTime(undefined)).toBe("—");
  });
});
