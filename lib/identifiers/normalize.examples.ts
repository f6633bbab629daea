import type { IdentifierType } from "@/db/schema";
import type { IdentifierCandidate } from "./types";

// Every identifier type with the forms people and lists write it in (normalize.test.ts checks them all).

export type Form = string | Omit<IdentifierCandidate, "type">;
export interface Row {
  type: IdentifierType;
  expected: string;
  /** Forms that must all collapse to `expected`. */
  same: Form[];
  /** Valid values that look close but are different identifiers. */
  different: Form[];
}

const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

export const table: Row[] = [
  {
    type: "email",
    expected: "jane.doe@example.com",
    same: [
      "jane.doe@example.com",
      "  Jane.Doe@Example.COM ",
      "JANE.DOE@EXAMPLE.COM",
      "mailto:jane.doe@example.com",
      "Jane Doe <jane.doe@example.com>",
      "<Jane.Doe@example.com>",
    ],
    different: [
      "jane.doe@example.co",
      "jane_doe@example.com",
      "jane.doe+x@example.com",
      "janedoe@example.com",
      "jane.doe@examp1e.com",
    ],
  },
  {
    type: "phone",
    expected: "+12025550147",
    same: [
      "+1 202 555 0147",
      "+1 (202) 555-0147",
      "tel:+1-202-555-0147",
      "+1.202.555.0147",
      { value: "(202) 555-0147", defaultCountry: "US" },
      { value: "001 202 555 0147", defaultCountry: "GB" },
      "+12025550147 ext. 12",
    ],
    different: ["+1 202 555 0148", "+44 20 5550 1470", "+1 202 555 0174"],
  },
  {
    type: "phone",
    expected: "+447700900123",
    same: [
      "+44 7700 900123",
      "+44 (0) 7700 900123",
      { value: "07700 900123", defaultCountry: "GB" },
      "+447700900123",
      "0044 7700 900 123".replace(/^00/, "+"),
    ],
    different: ["+44 7700 900124"],
  },
  {
    type: "postal_address",
    expected: "1200 sample freight way apt 4 exampleville tx 75001",
    same: [
      "1200 Sample Freight Way, Unit 4, Exampleville, TX 75001",
      "1200  SAMPLE Freight Way,  Unit 4, Exampleville, TX 75001",
      "1200 Sample Freight Way,\nUnit 4, Exampleville, TX 75001",
      "\t1200 sample freight way, unit 4, exampleville, tx 75001 ",
      "1200 Sample\u00a0Freight Way, Unit 4,\r\nExampleville, TX 75001",
    ],
    different: [
      "1200 Sample Freight Way, Unit 5, Exampleville, TX 75001",
      "1201 Sample Freight Way, Unit 4, Exampleville, TX 75001",
    ],
  },
  {
    type: "ip",
    expected: "192.0.2.1",
    same: [
      "192.0.2.1",
      " 192.0.2.1 ",
      "192.0.2.1:443",
      "::ffff:192.0.2.1",
      "::FFFF:C000:0201",
      "[::ffff:192.0.2.1]:8080",
      "192.0.2.1/32",
    ],
    different: ["192.0.2.10", "192.0.2.11", "198.51.100.1"],
  },
  {
    type: "ip",
    expected: "2001:db8::1",
    same: [
      "2001:db8::1",
      "2001:DB8::1",
      "2001:0db8:0000:0000:0000:0000:0000:0001",
      "2001:db8:0:0:0:0:0:1",
      "[2001:db8::1]",
      "[2001:db8::0:1]:443",
    ],
    different: ["2001:db8::10", "2001:db8:1::1", "2001:db8::1:0"],
  },
  {
    type: "device",
    expected: "C02DEMO12345",
    same: ["C02DEMO12345", "c02demo12345", " C02 DEMO 12345 ", "S/N: C02DEMO12345", "Serial number C02demo12345"],
    different: ["C02DEMO12346", "C02DEM012345", "C02-DEMO-12345"],
  },
  {
    type: "device",
    expected: "001A2B3C4D5E",
    same: ["00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e", "001A2B3C4D5E", "MAC 00:1A:2B:3C:4D:5E"],
    different: ["00:1a:2b:3c:4d:5f", "10:1a:2b:3c:4d:5e"],
  },
  {
    type: "remote_access_id",
    expected: "anydesk:123456789",
    same: [
      "AnyDesk 123 456 789",
      "anydesk:123456789",
      "AnyDesk ID: 123-456-789",
      "ANYDESK 123456789",
      " Any Desk: 123 456 789 ",
      { value: "123 456 789", attributes: { tool: "AnyDesk" } },
    ],
    different: ["teamviewer:123456789", "anydesk:123456788", "rustdesk:123456789"],
  },
  {
    type: "crypto_wallet",
    expected: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
    same: [
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED",
      " 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed ",
      "ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@1?value=1",
      { value: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", chain: "polygon" },
      { value: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", chain: "ETH" },
      { value: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", chain: "USDT" },
    ],
    different: ["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaee", "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"],
  },
  {
    type: "crypto_wallet",
    expected: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    same: [
      "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
      "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
      " bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\n",
      "bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4?amount=0.1",
      { value: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", chain: "Bitcoin" },
      { value: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", chain: "BTC" },
      { value: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", chain: "XBT" },
    ],
    different: [
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
      "bc1qpdq8t2klz3yhavlgr4fg0083yedep306ceyqp4",
    ],
  },
  {
    type: "crypto_wallet",
    expected: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
    same: [
      "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
      " 1BoatSLRHtKNngkdXEeobR76b53LETtpyT ",
      "bitcoin:1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
      { value: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", chain: "bitcoin" },
      "bitcoin:1BoatSLRHtKNngkdXEeobR76b53LETtpyT?label=x",
    ],
    different: ["3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"],
  },
  {
    type: "crypto_wallet",
    expected: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    same: [
      "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
      " TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
      "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
      { value: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", chain: "TRON" },
      { value: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", chain: "TRX" },
      "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\t",
    ],
    different: ["TASX4o2cm6yh7vCGB6B7KwB2jnfzfPrTtf"],
  },
  {
    type: "crypto_wallet",
    expected: "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",
    same: [
      "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",
      " 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV ",
      "solana:7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",
      { value: "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", chain: "solana" },
      { value: "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", chain: "SOL" },
      "solana:7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV?amount=1",
    ],
    different: ["7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtv", "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtW"],
  },
  {
    type: "bank_account",
    expected: "GB82WEST12345698765432",
    same: [
      "GB82 WEST 1234 5698 7654 32",
      "gb82west12345698765432",
      "GB82-WEST-1234-5698-7654-32",
      "IBAN GB82 WEST 1234 5698 7654 32",
      " gb82 west 1234 5698 7654 32\n",
    ],
    different: ["DE89370400440532013000", "GB33BUKB20201555555555"],
  },
  {
    type: "payment_account",
    expected: "payoneer:lucas.samplewood@example.test",
    same: [
      "Payoneer lucas.samplewood@example.test",
      "payoneer:lucas.samplewood@example.test",
      "PAYONEER: Lucas.Samplewood@Example.test",
      { value: "lucas.samplewood@example.test", attributes: { platform: "Payoneer" } },
      " payoneer : lucas.samplewood@example.test ",
    ],
    different: ["wise:lucas.samplewood@example.test", "payoneer:lucas.samplewood@example.com"],
  },
  {
    type: "payment_account",
    expected: "paypal:goldfox",
    same: [
      "https://paypal.me/goldfox",
      "paypal.me/GoldFox/",
      "PayPal: goldfox",
      "paypal:@goldfox",
      "https://www.paypal.com/paypalme/goldfox",
    ],
    different: ["paypal:goldfox1", "venmo:goldfox"],
  },
  {
    type: "freelance_account",
    expected: "upwork:~01abcdef123",
    same: [
      "upwork:~01abcdef123",
      "https://www.upwork.com/freelancers/~01abcdef123",
      "Upwork ~01ABCDEF123",
      { value: "~01abcdef123", attributes: { platform: "upwork" } },
      "upwork.com/freelancers/~01abcdef123/",
    ],
    different: ["fiverr:~01abcdef123", "upwork:~01abcdef124"],
  },
  {
    type: "social_handle",
    expected: "github:ethanexampleton",
    same: [
      "github:EthanExampleton",
      "https://github.com/EthanExampleton",
      "github.com/ethanexampleton/",
      { value: "@EthanExampleton", attributes: { platform: "github" } },
      "GitHub @ethanexampleton",
      "gh:ethanexampleton",
    ],
    different: ["gitlab:ethanexampleton", "github:ethanexampleton1", "github:ethan-exampleton"],
  },
  {
    type: "social_handle",
    expected: "x:goldfox_dev",
    same: [
      "twitter:@goldfox_dev",
      "https://twitter.com/goldfox_dev",
      "x.com/GoldFox_Dev",
      "X: goldfox_dev",
      { value: "@goldfox_dev", attributes: { platform: "Twitter" } },
    ],
    different: ["telegram:goldfox_dev", "x:goldfoxdev"],
  },
  {
    type: "domain",
    expected: "example.com",
    same: [
      "example.com",
      "Example.COM",
      "https://www.example.com/path?q=1",
      "www.example.com",
      "example.com.",
      "http://user@example.com:8080/x",
    ],
    different: ["example.co", "examp1e.com", "sub.example.com", "example.com.evil.test"],
  },
  {
    type: "resume_hash",
    expected: sha,
    same: [
      sha,
      sha.toUpperCase(),
      `sha256:${sha}`,
      `  ${sha}\n`,
      `SHA-256=${sha.toUpperCase()}`,
      sha.replace(/(.{8})/g, "$1 "),
    ],
    different: [sha.replace(/8$/, "9"), sha.replace(/^9/, "0")],
  },
  {
    type: "photo_hash",
    expected: sha,
    same: [sha, sha.toUpperCase(), `sha256:${sha}`, `\t${sha}`, `SHA256 ${sha}`],
    different: [sha.replace(/0/, "1")],
  },
];
