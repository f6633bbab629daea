import { createHash } from "node:crypto";
import type { IdentifierType } from "@/db/schema";
import type { PersonaKey } from "./personas";

/**
 * Made-up identifiers in reserved ranges only: example.* domains, the US 555-01xx and UK
 * 07700 900xxx drama numbers, documentation IP blocks (RFC 5737), documentation ASNs
 * (RFC 5398), and wallet addresses with valid checksums that nobody generated a key for.
 * `normalizedValue` is already normalised, as the identifier service would store it.
 */
export interface DemoIdentifier {
  type: IdentifierType;
  value: string;
  normalizedValue: string;
  chain?: string;
  attributes?: Record<string, string>;
  seenOn: { persona: PersonaKey; confidence: number; observedDaysAgo: number }[];
}

// A stand-in for the SHA-256 of a résumé file: a real hash, of a label rather than a document.
const resumeHash = createHash("sha256").update("casework demo: shared résumé template").digest("hex");

export const demoIdentifiers: readonly DemoIdentifier[] = [
  {
    // The hub of the network: one VoIP number behind three personas in three cases.
    type: "phone",
    value: "+1 (202) 555-0147",
    normalizedValue: "+12025550147",
    attributes: { lineType: "voip" },
    seenOn: [
      { persona: "exampleton", confidence: 95, observedDaysAgo: 80 },
      { persona: "samplewood", confidence: 90, observedDaysAgo: 40 },
      { persona: "fictionova", confidence: 85, observedDaysAgo: 9 },
    ],
  },
  {
    type: "crypto_wallet",
    value: "0x9af3C0dE5e7a1b2c3D4e5F60718293a4B5C6d7E8",
    normalizedValue: "0x9af3c0de5e7a1b2c3d4e5f60718293a4b5c6d7e8",
    chain: "ethereum",
    attributes: { asset: "USDC" },
    seenOn: [
      { persona: "exampleton", confidence: 95, observedDaysAgo: 60 },
      { persona: "samplewood", confidence: 90, observedDaysAgo: 35 },
      { persona: "fictionova", confidence: 70, observedDaysAgo: 8 },
      { persona: "goldfox", confidence: 80, observedDaysAgo: 30 },
    ],
  },
  {
    type: "postal_address",
    value: "1200 Sample Freight Way,  Unit 4, Exampleville, TX 75001",
    normalizedValue: "1200 sample freight way apt 4 exampleville tx 75001",
    attributes: { role: "shipping", note: "Freight-forwarder unit; at least 11 corporate laptops delivered" },
    seenOn: [
      { persona: "exampleton", confidence: 95, observedDaysAgo: 92 },
      { persona: "samplewood", confidence: 85, observedDaysAgo: 50 },
      { persona: "farmstead", confidence: 90, observedDaysAgo: 45 },
    ],
  },
  {
    type: "postal_address",
    value: "4410 Placeholder Avenue, Austin, TX 78701",
    normalizedValue: "4410 placeholder ave austin tx 78701",
    attributes: { role: "resume" },
    seenOn: [{ persona: "exampleton", confidence: 60, observedDaysAgo: 100 }],
  },
  {
    type: "ip",
    value: "203.0.113.45",
    normalizedValue: "203.0.113.45",
    attributes: { asn: "AS64500", note: "Residential proxy exit" },
    seenOn: [
      { persona: "exampleton", confidence: 80, observedDaysAgo: 20 },
      { persona: "samplewood", confidence: 80, observedDaysAgo: 18 },
    ],
  },
  {
    type: "ip",
    value: "198.51.100.23",
    normalizedValue: "198.51.100.23",
    attributes: { asn: "AS64501", vpnProvider: "Astrill" },
    seenOn: [
      { persona: "exampleton", confidence: 75, observedDaysAgo: 25 },
      { persona: "placeholdo", confidence: 60, observedDaysAgo: 3 },
    ],
  },
  {
    type: "ip",
    value: "192.0.2.77",
    normalizedValue: "192.0.2.77",
    attributes: { asn: "AS64502" },
    seenOn: [{ persona: "placeholdo", confidence: 60, observedDaysAgo: 3 }],
  },
  {
    type: "email",
    value: "Ethan.Exampleton@Example.test",
    normalizedValue: "ethan.exampleton@example.test",
    attributes: { provider: "example.test" },
    seenOn: [{ persona: "exampleton", confidence: 100, observedDaysAgo: 100 }],
  },
  {
    type: "email",
    value: "lucas.samplewood@example.test",
    normalizedValue: "lucas.samplewood@example.test",
    attributes: { provider: "example.test" },
    seenOn: [{ persona: "samplewood", confidence: 100, observedDaysAgo: 70 }],
  },
  {
    type: "email",
    value: "Sofia.Fictionova@example.com",
    normalizedValue: "sofia.fictionova@example.com",
    attributes: { provider: "example.com" },
    seenOn: [{ persona: "fictionova", confidence: 100, observedDaysAgo: 12 }],
  },
  {
    type: "email",
    value: "marko.demovic@example.net",
    normalizedValue: "marko.demovic@example.net",
    attributes: { provider: "example.net" },
    seenOn: [{ persona: "demovic", confidence: 100, observedDaysAgo: 150 }],
  },
  {
    type: "phone",
    value: "+44 7700 900123",
    normalizedValue: "+447700900123",
    attributes: { lineType: "mobile" },
    seenOn: [
      { persona: "dummic", confidence: 80, observedDaysAgo: 20 },
      { persona: "demovic", confidence: 65, observedDaysAgo: 140 },
    ],
  },
  {
    type: "phone",
    value: "+44 7700 900456",
    normalizedValue: "+447700900456",
    attributes: { lineType: "mobile" },
    seenOn: [{ persona: "mockford", confidence: 100, observedDaysAgo: 30 }],
  },
  {
    type: "crypto_wallet",
    // A real address on OFAC's SDN list (KIM, Sang Man, DPRK4; public data), so the demo shows a
    // sanctions hit against the list snapshot the seed imports.
    value: "0x97b1043abd9e6fc31681635166d430a458d14f9c",
    normalizedValue: "0x97b1043abd9e6fc31681635166d430a458d14f9c",
    chain: "ethereum",
    attributes: { asset: "USDT", note: "Second payout wallet sent to payroll" },
    seenOn: [{ persona: "fictionova", confidence: 90, observedDaysAgo: 12 }],
  },
  {
    type: "crypto_wallet",
    // bech32 keeps its case as entered (already lower-case).
    value: "bc1qpdq8t2klz3yhavlgr4fg0083yedep306ceyqp4",
    normalizedValue: "bc1qpdq8t2klz3yhavlgr4fg0083yedep306ceyqp4",
    chain: "bitcoin",
    attributes: { asset: "BTC", note: "Given in the extortion email" },
    seenOn: [{ persona: "demovic", confidence: 95, observedDaysAgo: 15 }],
  },
  {
    type: "social_handle",
    value: "@EthanExampleton",
    normalizedValue: "github:ethanexampleton",
    attributes: { platform: "github" },
    seenOn: [{ persona: "exampleton", confidence: 90, observedDaysAgo: 100 }],
  },
  {
    type: "social_handle",
    value: "Sofia-Fictionova-Dev",
    normalizedValue: "github:sofia-fictionova-dev",
    attributes: { platform: "github" },
    seenOn: [{ persona: "fictionova", confidence: 90, observedDaysAgo: 12 }],
  },
  {
    type: "social_handle",
    value: "@goldfox_dev",
    normalizedValue: "telegram:goldfox_dev",
    attributes: { platform: "telegram" },
    seenOn: [
      { persona: "goldfox", confidence: 95, observedDaysAgo: 30 },
      { persona: "farmstead", confidence: 60, observedDaysAgo: 30 },
    ],
  },
  {
    type: "resume_hash",
    value: resumeHash,
    normalizedValue: resumeHash,
    seenOn: [
      { persona: "fictionova", confidence: 100, observedDaysAgo: 12 },
      { persona: "dummic", confidence: 100, observedDaysAgo: 21 },
    ],
  },
  {
    type: "remote_access_id",
    value: "AnyDesk 123 456 789",
    normalizedValue: "anydesk:123456789",
    attributes: { tool: "AnyDesk" },
    seenOn: [
      { persona: "exampleton", confidence: 85, observedDaysAgo: 22 },
      { persona: "farmstead", confidence: 70, observedDaysAgo: 22 },
      { persona: "samplewood", confidence: 70, observedDaysAgo: 19 },
    ],
  },
  {
    type: "payment_account",
    value: "Payoneer lucas.samplewood@example.test",
    normalizedValue: "payoneer:lucas.samplewood@example.test",
    attributes: { platform: "Payoneer" },
    seenOn: [{ persona: "samplewood", confidence: 100, observedDaysAgo: 60 }],
  },
  {
    type: "device",
    value: "c02demo12345",
    normalizedValue: "C02DEMO12345",
    attributes: { model: "Company laptop (asset CW-0193)" },
    seenOn: [{ persona: "exampleton", confidence: 100, observedDaysAgo: 92 }],
  },
];
