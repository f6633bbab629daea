import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the first X-Forwarded-For entry, the one the proxy names as the client", () => {
    expect(
      clientAddress(new Headers({ "x-forwarded-for": " 203.0.113.9 , 10.0.0.2, 10.0.0.1", "x-real-ip": "10.0.0.2" })),
    ).toBe("203.0.113.9");
  });

  it("falls back to X-Real-IP, then to unknown", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "2001:db8::7" }))).toBe("2001:db8::7");
    expect(clientAddress(new Headers({ "x-forwarded-for": " , 10.0.0.1" }))).toBe("unknown");
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("keeps a long header from becoming a long key", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "x".repeat(5000) }))).toHaveLength(100);
  });
});
