import { describe, expect, it } from "vitest";
import type { IdentifierType } from "@/db/schema";
import { demoIdentifiers } from "@/lib/seed/identifiers";
import { normalizeIdentifier } from "./normalize";
import { type Form, table } from "./normalize.examples";
import type { IdentifierCandidate } from "./types";

const candidate = (type: IdentifierType, form: Form): IdentifierCandidate =>
  typeof form === "string" ? { type, value: form } : { type, ...form };
const norm = (type: IdentifierType, form: Form) => normalizeIdentifier(candidate(type, form)).normalizedValue;

describe("identifier normalisation", () => {
  it.each(table.map((row) => [`${row.type} ${row.expected}`, row] as const))(
    "%s: every form collapses to one value",
    (_name, row) => {
      expect(row.same.length).toBeGreaterThanOrEqual(5);
      for (const form of row.same) expect(norm(row.type, form), JSON.stringify(form)).toBe(row.expected);
    },
  );

  it.each(table.map((row) => [`${row.type} ${row.expected}`, row] as const))(
    "%s: look-alikes stay different",
    (_name, row) => {
      for (const form of row.different) expect(norm(row.type, form), JSON.stringify(form)).not.toBe(row.expected);
    },
  );

  it("government ids are stored as a keyed hash showing only the last four characters", () => {
    const forms = ["123-45-6789", "123 45 6789", "123456789", " 123.45.6789 ", "123-45-6789\n"];
    const results = forms.map((value) => normalizeIdentifier({ type: "government_id", value }));
    const hashes = new Set(results.map((r) => r.normalizedValue));
    expect(hashes.size).toBe(1);
    const [first] = results;
    expect(first?.normalizedValue).toMatch(/^hmac:[0-9a-f]{64}$/);
    expect(first?.value).toBe("••••6789");
    expect(JSON.stringify(first)).not.toContain("12345");
    expect(norm("government_id", "123-45-6788")).not.toBe(first?.normalizedValue);
  });

  it("the demo data is already in normalised form", () => {
    for (const d of demoIdentifiers) {
      const out = normalizeIdentifier({ type: d.type, value: d.value, chain: d.chain, attributes: d.attributes });
      expect(out.normalizedValue, d.value).toBe(d.normalizedValue);
    }
  });

  it("infers the chain from the address shape and refuses a chain that does not fit", () => {
    expect(
      normalizeIdentifier({ type: "crypto_wallet", value: "0x9af3c0de5e7a1b2c3d4e5f60718293a4b5c6d7e8" }).chain,
    ).toBe("ethereum");
    expect(normalizeIdentifier({ type: "crypto_wallet", value: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" }).chain).toBe(
      "tron",
    );
    expect(() =>
      normalizeIdentifier({
        type: "crypto_wallet",
        value: "0x9af3c0de5e7a1b2c3d4e5f60718293a4b5c6d7e8",
        chain: "bitcoin",
      }),
    ).toThrow(/not an address for Bitcoin/);
  });

  const bad: [IdentifierType, string, RegExp][] = [
    ["phone", "12345", /E\.164/],
    ["phone", "+1 202 555 01", /E\.164/],
    ["phone", "call me maybe", /E\.164/],
    ["email", "jane.doe@", /name@example\.com/],
    ["crypto_wallet", "0x12345", /0x and 40 hex digits/],
    ["crypto_wallet", "bc1Q9x7l3c8j2v5m0d4n6s8t2w4y7z9g3h5k6p0r2u", /Bitcoin address/],
    ["bank_account", "GB82 WEST 1234 5698 7654 33", /check digits do not match/],
    ["ip", "010.1.1.1", /IPv4/],
    ["ip", "fe80::1%eth0", /zone id/],
    ["domain", "localhost", /host name/],
    ["resume_hash", "abc", /64 hexadecimal/],
    ["social_handle", "ethanexampleton", /platform/],
    ["remote_access_id", "123 456 789", /tool/],
  ];
  it.each(bad)("refuses %s %j with a 400 naming the expected format", (type, value, format) => {
    let caught: unknown;
    try {
      normalizeIdentifier({ type, value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "bad_request", message: expect.stringMatching(format) });
  });

  it("keeps the trimmed raw value when told to, and says so", () => {
    const out = normalizeIdentifier({ type: "phone", value: "  ask for Dana  ", unparsed: true });
    expect(out).toMatchObject({ normalizedValue: "ask for Dana", attributes: { unparsed: "true" } });
    expect(() => normalizeIdentifier({ type: "government_id", value: "x", unparsed: true })).toThrow();
  });
});

describe("derived facts and asserted attributes", () => {
  it("keeps only what the value says on the identifier and the rest for the claim", () => {
    const account = normalizeIdentifier({
      type: "payment_account",
      value: "x@example.test",
      attributes: { platform: "Payoneer", holderName: "Jane Roe" },
    });
    expect(account.attributes).toEqual({ platform: "payoneer" });
    expect(account.claimAttributes).toEqual({ holderName: "Jane Roe" });

    const address = normalizeIdentifier({
      type: "postal_address",
      value: "12 Example Street",
      attributes: { role: "CV", note: "from the résumé" },
    });
    expect(address.attributes).toEqual({});
    expect(address.claimAttributes).toEqual({ role: "resume", note: "from the résumé" });

    const wallet = normalizeIdentifier({
      type: "crypto_wallet",
      value: `0x${"ab".repeat(20)}`,
      attributes: { asset: "usdt" },
    });
    expect(wallet.attributes).toEqual({ chainInferred: "true" });
    expect(wallet.claimAttributes).toEqual({ asset: "USDT" });

    const kept = normalizeIdentifier({
      type: "phone",
      value: "call Dana",
      unparsed: true,
      attributes: { note: "ask HR" },
    });
    expect(kept.attributes).toEqual({ unparsed: "true" });
    expect(kept.claimAttributes).toEqual({ note: "ask HR" });
  });
});
