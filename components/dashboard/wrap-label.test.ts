import { describe, expect, it } from "vitest";
import { wrapLabel } from "./wrap-label";

describe("wrapLabel", () => {
  it("keeps a short label on one line", () => {
    expect(wrapLabel("Unmanaged device", 30)).toEqual(["Unmanaged device"]);
  });

  it("breaks between words, each line within the width", () => {
    const lines = wrapLabel("Interviewee differs from worker or looks altered", 30);
    expect(lines).toEqual(["Interviewee differs from", "worker or looks altered"]);
  });

  it("ends the second line with an ellipsis when the label is longer than two lines", () => {
    const text = "Sign-ins from several countries in a short time while the worker claims to live in one city";
    const lines = wrapLabel(text, 30);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith("…")).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    expect(text.startsWith(lines.join(" ").replace(/…$/, ""))).toBe(true);
  });

  it("cuts a word longer than a line", () => {
    const lines = wrapLabel("x".repeat(80), 30);
    expect(lines).toEqual(["x".repeat(30), `${"x".repeat(29)}…`]);
  });
});
