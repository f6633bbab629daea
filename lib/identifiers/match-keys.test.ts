import { describe, expect, it } from "vitest";
import { normalizeIdentifier } from "./normalize";
import type { IdentifierCandidate } from "./types";

const key = (c: IdentifierCandidate) => normalizeIdentifier(c).normalizedValue;
const email = (value: string) => key({ type: "email", value });
const phone = (value: string, defaultCountry?: string) => key({ type: "phone", value, defaultCountry });
const wallet = (value: string, chain?: string) => normalizeIdentifier({ type: "crypto_wallet", value, chain });
const refusal = (c: IdentifierCandidate) => {
  try {
    normalizeIdentifier(c);
  } catch (error) {
    return (error as Error).message;
  }
  return "accepted";
};

describe("email keys follow the provider's rule", () => {
  it("Gmail ignores dots and a +tag, and googlemail.com is gmail.com", () => {
    for (const v of ["a.b.c+x@googlemail.com", "ABC@gmail.com", "a.bc+news@gmail.com", "abc@googlemail.com"])
      expect(email(v), v).toBe("abc@gmail.com");
    expect(email("abd@gmail.com")).not.toBe("abc@gmail.com");
  });
  it("Outlook, Hotmail, Live and Proton ignore a +tag but not dots", () => {
    expect(email("Jane.Doe+jobs@outlook.com")).toBe("jane.doe@outlook.com");
    expect(email("jane.doe+x@hotmail.co.uk")).toBe("jane.doe@hotmail.co.uk");
    expect(email("jane+a@live.com")).toBe("jane@live.com");
    expect(email("jane+a@proton.me")).toBe("jane@proton.me");
    expect(email("jane+a@protonmail.com")).toBe("jane@protonmail.com");
    expect(email("janedoe@outlook.com")).not.toBe(email("jane.doe@outlook.com"));
  });
  it("other domains are only lower-cased", () => {
    expect(email("Jane.Doe+x@Example.COM")).toBe("jane.doe+x@example.com");
  });
  it("keeps the value as entered and names the provider of the key", () => {
    const out = normalizeIdentifier({ type: "email", value: "A.B.C+x@googlemail.com" });
    expect(out.value).toBe("A.B.C+x@googlemail.com");
    expect(out.attributes).toEqual({ provider: "gmail.com" });
  });
});

describe("phone numbers with a default region", () => {
  it("reads 00, (0) and national numbers of region GB as one number", () => {
    expect(phone("0044 (0)20 7946 0958")).toBe("+442079460958");
    expect(phone("+44 (0)20 7946 0958")).toBe("+442079460958");
    expect(phone("020 7946 0958", "GB")).toBe("+442079460958");
    expect(phone("0044 (0)20 7946 0958", "US")).toBe("+442079460958");
  });
  it("reads 011 as the international prefix from a +1 region", () => {
    expect(phone("011 44 20 7946 0958", "US")).toBe("+442079460958");
    expect(phone("011 44 20 7946 0958")).toBe("+442079460958");
  });
  it("reads 14045550142 and (404) 555-0142 of region US as +14045550142", () => {
    expect(phone("14045550142", "US")).toBe("+14045550142");
    expect(phone("(404) 555-0142", "US")).toBe("+14045550142");
  });
  it("still asks for a region when a national number has none", () => {
    expect(refusal({ type: "phone", value: "020 7946 0958" })).toMatch(/no country code/);
  });
});

describe("crypto wallets: checksums and chains", () => {
  const typo = "checksum does not match: probably a typo";
  it("checks EIP-55 where mixed case is given", () => {
    expect(wallet("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").normalizedValue).toBe(
      "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
    );
    expect(refusal({ type: "crypto_wallet", value: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD" })).toContain(typo);
  });
  it("checks base58check (Bitcoin, Litecoin, Dogecoin, Dash, Zcash, TRON)", () => {
    expect(wallet("1BoatSLRHtKNngkdXEeobR76b53LETtpyT").chain).toBe("bitcoin");
    expect(wallet("LKL2pAbkUZeDfeLuxY2BgPYs4Tcq6DZ5A6").chain).toBe("litecoin");
    expect(wallet("D5LUyA5JkSAbLKTKib9aJV9ej4u8iEMYab").chain).toBe("dogecoin");
    expect(wallet("XayY96dJTrM3LjVH3VbMxcAnfxfoj7MpND", "DASH").chain).toBe("dash");
    expect(wallet("t1JFcC8EHXanCAuZZKeDPbF5s5yCUroTL4d", "ZEC").chain).toBe("zcash");
    expect(wallet("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t").chain).toBe("tron");
    expect(refusal({ type: "crypto_wallet", value: "1BoatSLRHtKNngkdXEeobR76b53LETtpyt" })).toContain(typo);
    expect(refusal({ type: "crypto_wallet", value: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T" })).toContain(typo);
  });
  it("checks bech32 and bech32m", () => {
    expect(wallet("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4").chain).toBe("bitcoin");
    expect(wallet("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0").chain).toBe("bitcoin");
    expect(wallet("ltc1qqc44qav6hljqjtjn0zwu9ecvx9t8hgx95qqlux", "LTC").chain).toBe("litecoin");
    expect(refusal({ type: "crypto_wallet", value: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5" })).toContain(typo);
  });
  it("checks Monero's keccak checksum and Solana's length and alphabet", () => {
    const xmr = "41tsgdoy6Fe2hoknpAxkb69RNvZjqdGMrG8x6LfUp8LCNrXG7Ubx9ScVa6RPX6YWAgcHdPgaHPSGUiqVtSh8ZgFe4sLxEqK";
    expect(wallet(xmr, "XMR").chain).toBe("monero");
    expect(refusal({ type: "crypto_wallet", value: xmr.replace(/K$/, "L"), chain: "XMR" })).toContain(typo);
    expect(wallet("7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", "SOL").chain).toBe("solana");
    expect(refusal({ type: "crypto_wallet", value: "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTz", chain: "SOL" })).toMatch(
      /not an address for Solana/,
    );
    expect(
      refusal({ type: "crypto_wallet", value: "0EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", chain: "SOL" }),
    ).toMatch(/not an address for Solana/);
  });
  it("stores a value that fails its checksum only as unparsed", () => {
    const kept = normalizeIdentifier({
      type: "crypto_wallet",
      value: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
      unparsed: true,
    });
    expect(kept.attributes).toEqual({ unparsed: "true" });
  });
  it("accepts chains by name or ticker, as OFAC's SDN list writes them", () => {
    expect(wallet("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "BTC").chain).toBe("bitcoin");
    expect(wallet("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "XBT").chain).toBe("bitcoin");
    expect(wallet("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "ETH").chain).toBe("ethereum");
    expect(wallet("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TRX").chain).toBe("tron");
    expect(wallet("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "BCH").chain).toBe("bitcoin_cash");
  });
  it("reads a token ticker (or no chain) as: chain from the address, token kept as the asset", () => {
    const usdt = wallet("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "USDT");
    expect(usdt).toMatchObject({
      chain: "tron",
      attributes: { chainInferred: "true" },
      claimAttributes: { asset: "USDT" },
    });
    expect(wallet("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "usdc")).toMatchObject({
      chain: "ethereum",
      claimAttributes: { asset: "USDC" },
    });
  });
  it("makes an EVM address one identifier across EVM chains", () => {
    const keys = ["ethereum", "polygon", "BSC", "arbitrum", "base"].map(
      (chain) => wallet("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", chain).normalizedValue,
    );
    expect(new Set(keys).size).toBe(1);
  });
});

describe("IBAN: checksum and the country's length", () => {
  it("accepts a valid IBAN and refuses a wrong length or check digits", () => {
    expect(key({ type: "bank_account", value: "DE89 3704 0044 0532 0130 00" })).toBe("DE89370400440532013000");
    expect(refusal({ type: "bank_account", value: "DE89 3704 0044 0532 0130 0" })).toMatch(
      /an IBAN from DE has 22 characters/,
    );
    expect(refusal({ type: "bank_account", value: "DE88 3704 0044 0532 0130 00" })).toMatch(
      /check digits do not match/,
    );
    expect(refusal({ type: "bank_account", value: "XX89 3704 0044 0532 0130 00" })).toMatch(
      /XX is not a country that uses IBANs/,
    );
  });
});

describe("postal address keys", () => {
  it("match across case, punctuation and common abbreviations", () => {
    const a = key({ type: "postal_address", value: "12 Example Street, Atlanta GA 30301" });
    expect(key({ type: "postal_address", value: "12 example st., atlanta, ga 30301" })).toBe(a);
    expect(a).toBe("12 example st atlanta ga 30301");
  });
  it("reads apartment, apt, unit and # as one word, and avenue as ave", () => {
    const forms = ["4 Sample Avenue, Apartment 5", "4 sample ave apt 5", "4 Sample Ave., Unit 5", "4 Sample Ave #5"];
    expect(new Set(forms.map((value) => key({ type: "postal_address", value })))).toEqual(
      new Set(["4 sample ave apt 5"]),
    );
  });
  it("writes UK postcodes without their inner space", () => {
    expect(key({ type: "postal_address", value: "1 Example Road, London SW1A 1AA" })).toBe(
      key({ type: "postal_address", value: "1 example rd london sw1a1aa" }),
    );
  });
  it("keeps different numbers apart", () => {
    expect(key({ type: "postal_address", value: "12 Example Street" })).not.toBe(
      key({ type: "postal_address", value: "13 Example Street" }),
    );
  });
});
