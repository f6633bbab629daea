import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateToken, hashToken, looksLikeToken, tokenDisplayPrefix } from "./secret";

describe("API token secrets", () => {
  it("are cwk_ followed by 32 random bytes in base64url", () => {
    const token = generateToken();
    expect(token).toMatch(/^cwk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
  });

  it("are distinct every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateToken()));
    expect(tokens.size).toBe(200);
  });

  it("hash to the SHA-256 hex digest, the same every time", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).not.toBe(hashToken(generateToken()));
  });

  it("show a short prefix that identifies but does not reveal the token", () => {
    const token = generateToken();
    const prefix = tokenDisplayPrefix(token);
    expect(prefix).toBe(token.slice(0, 10));
    expect(prefix.startsWith("cwk_")).toBe(true);
  });

  it("are recognised by looksLikeToken, other strings are not", () => {
    expect(looksLikeToken(generateToken())).toBe(true);
    for (const value of [
      "",
      "nope",
      "cwk_",
      "cwk_short",
      `xyz_${"a".repeat(43)}`,
      `CWK_${"a".repeat(43)}`,
      `cwk_${"a".repeat(200)}`,
    ]) {
      expect(looksLikeToken(value), value).toBe(false);
    }
  });
});
