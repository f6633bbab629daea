import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

const app = "https://casework.example.org";

describe("safeRedirectPath", () => {
  it.each([
    ["/", "/"],
    ["/cases", "/cases"],
    ["/cases/42?tab=evidence#notes", "/cases/42?tab=evidence#notes"],
    ["/personas?q=a%20b", "/personas?q=a%20b"],
    ["cases", "/cases"],
    ["https://casework.example.org/referrals", "/referrals"],
    ["HTTPS://CASEWORK.EXAMPLE.ORG:443/tasks", "/tasks"],
    // Same origin, but a path a browser would read as a host if given it as is.
    ["/.//evil.example/phish", "/evil.example/phish"],
    ["/..//evil.example", "/evil.example"],
    ["/./\\evil.example", "/evil.example"],
    // Encoded slashes and tabs stay encoded: a path of this app, never a host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example/phish", "/%09/evil.example/phish"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    // A scheme-relative reference with the app's own scheme is a path, as browsers read it.
    ["https:evil.example", "/evil.example"],
  ])("keeps the app's own path %j as %j", (value, expected) => {
    expect(safeRedirectPath(value, app)).toBe(expected);
  });

  it.each([
    "/\t/evil.example/phish",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "//evil.example",
    "//evil.example/path?x=1",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "https://evil.example",
    "https://evil.example/https://casework.example.org/",
    "http://casework.example.org/cases",
    "https://casework.example.org:8443/cases",
    "https://casework.example.org.evil.example/",
    "https://casework.example.org@evil.example/",
    "http:evil.example",
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "http://[::1",
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value, app)).toBe("/");
  });

  it("falls back to / without a value or without a known origin", () => {
    expect(safeRedirectPath(undefined, app)).toBe("/");
    expect(safeRedirectPath(null, app)).toBe("/");
    expect(safeRedirectPath("", app)).toBe("/");
    expect(safeRedirectPath("/cases", null)).toBe("/");
  });

  it("never answers with something a browser reads as another host", () => {
    const hostile = [
      "/\t/evil.example",
      "/.//evil.example",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "/%2F/evil.example",
    ];
    for (const value of hostile) {
      const path = safeRedirectPath(value, app);
      expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
      expect(new URL(path, app).origin).toBe(app);
    }
  });
});
