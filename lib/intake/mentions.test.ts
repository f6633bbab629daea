import { describe, expect, it } from "vitest";
import { findMentions } from "./mentions";

const found = (text: string, region: string | null = "GB") =>
  findMentions([{ page: 1, text }], region).map((m) => `${m.type} ${m.normalizedValue}`);

describe("findMentions", () => {
  it("finds each kind of identifier in mixed text, normalised as the app stores it", () => {
    const text = `Kim Sang Man - kim.sang.man+jobs@googlemail.com; +44 (0)20 7946 0958, 020 7946 0959.
ETH 0x97b1043abd9e6fc31681635166d430a458d14f9c. BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2, bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq
TRON TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7; Solana: 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV
Pay to GB82 WEST 1234 5698 7654 32. Signed in from 203.0.113.7 and 2001:db8::1.
https://github.com/kimsm-dev https://www.linkedin.com/in/sang-man-kim/ https://t.me/kimsm https://www.upwork.com/freelancers/~01abc
Portfolio www.blockchain-devs.io and https://chinyong.example.com/about.`;
    expect(found(text).sort()).toEqual(
      [
        "email kimsangman@gmail.com",
        "phone +442079460958",
        "phone +442079460959",
        "crypto_wallet 0x97b1043abd9e6fc31681635166d430a458d14f9c",
        "crypto_wallet 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "crypto_wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "crypto_wallet TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",
        "crypto_wallet 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",
        "bank_account GB82WEST12345698765432",
        "ip 203.0.113.7",
        "ip 2001:db8::1",
        "social_handle github:kimsm-dev",
        "social_handle linkedin:sang-man-kim",
        "social_handle telegram:kimsm",
        "freelance_account upwork:~01abc",
        "domain blockchain-devs.io",
        "domain chinyong.example.com",
      ].sort(),
    );
  });

  it("passes over look-alikes that fail their checksums or formats", () => {
    const text = `Mixed-case with a wrong checksum 0x97B1043abd9e6fc31681635166d430a458d14f9c and 39 digits 0x97b1043abd9e6fc31681635166d430a458d14f9.
Bitcoin typo 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3. IBAN with wrong check digits GB83 WEST 1234 5698 7654 32.
Version 1.2.3.4.5, address 999.1.1.1, time 10:30:00, commit 3f2a9c1b, user@localhost, order 2019-2023.
A long base58 word with no cue 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV.`;
    expect(found(text)).toEqual([]);
  });

  it("reads national phone numbers in the organisation's region, and none without one", () => {
    expect(found("Call 020 7946 0958", "GB")).toEqual(["phone +442079460958"]);
    expect(found("Call 020 7946 0958", null)).toEqual([]);
    expect(found("Call (404) 555-0142 or +1 404 555 0199", "US")).toEqual(["phone +14045550142", "phone +14045550199"]);
  });

  it("counts every occurrence and keeps the page, offset and text around each", () => {
    const pages = [
      { page: 1, text: "Reply to kim@example.com please" },
      { page: 2, text: "Again KIM@EXAMPLE.COM and kim@example.com" },
    ];
    const [mention] = findMentions(pages, null);
    expect(mention).toMatchObject({
      type: "email",
      normalizedValue: "kim@example.com",
      value: "kim@example.com",
      count: 3,
    });
    expect(mention!.locations).toEqual([
      { page: 1, offset: 9, context: "Reply to kim@example.com please" },
      { page: 2, offset: 6, context: "Again KIM@EXAMPLE.COM and kim@example.com" },
      { page: 2, offset: 26, context: "Again KIM@EXAMPLE.COM and kim@example.com" },
    ]);
  });

  it("does not report the domain of an e-mail address or a profile URL as a domain of its own", () => {
    expect(found("kim@blockchain-devs.io and https://github.com/kim")).toEqual([
      "email kim@blockchain-devs.io",
      "social_handle github:kim",
    ]);
  });
});
