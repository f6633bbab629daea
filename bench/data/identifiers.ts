import { createHash } from "node:crypto";
import type { IdentifierType } from "@/db/schema";
import type { Cell } from "./copy";
import type { PersonaGraph } from "./graph";
import type { Random } from "./random";
import { firstNames, lastNames } from "./vocab";

export const IDENTIFIER_COLUMNS = ["id", "type", "value", "normalized_value", "chain", "attributes", "created_at"] as const;
export const PERSONA_IDENTIFIER_COLUMNS = ["persona_id", "identifier_id", "source_evidence_id", "confidence", "asserted_by_id", "observed_at", "created_at"] as const;

// Shared identifiers are what operators reuse (phones, wallets, devices, addresses, résumés);
// private ones are what each persona has to itself (mailboxes, handles, platform accounts).
const sharedTypes: [IdentifierType, number][] = [["phone", 18], ["ip", 18], ["device", 10], ["crypto_wallet", 12], ["postal_address", 10], ["bank_account", 6], ["payment_account", 8], ["resume_hash", 6], ["photo_hash", 4], ["email", 5], ["remote_access_id", 3]];
const privateTypes: [IdentifierType, number][] = [["email", 34], ["social_handle", 18], ["freelance_account", 8], ["phone", 12], ["ip", 12], ["domain", 3], ["payment_account", 4], ["government_id", 2], ["crypto_wallet", 4], ["remote_access_id", 3]];
const hubTypes: [IdentifierType, number][] = [["postal_address", 50], ["crypto_wallet", 30], ["ip", 20]];
const areaCodes = ["202", "212", "312", "415", "512", "617", "646", "702", "713", "818"];
const platforms = ["upwork", "freelancer", "fiverr", "toptal"];
const socials = ["github", "linkedin", "telegram", "discord", "x"];
const payPlatforms = ["payoneer", "wise", "paypal"];

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

interface Shaped {
  value: string;
  normalized: string;
  chain: string | null;
  attributes: Record<string, string>;
}

/**
 * A value unique per (type, index), already in the normalised form the product stores, so that
 * adding the same value through the API finds this row.
 */
export function identifierValue(type: IdentifierType, i: number, random: Random): Shaped {
  const same = (value: string, attributes: Record<string, string> = {}, chain: string | null = null): Shaped => ({ value, normalized: value, chain, attributes });
  const name = `${random.pick(firstNames)}.${random.pick(lastNames)}`.toLowerCase();
  switch (type) {
    case "email":
      return same(`${name}${i}@${random.pick(["gmail.com", "outlook.com", "proton.me", "yahoo.com"])}`, { provider: "webmail" });
    case "phone":
      return same(`+1${areaCodes[i % areaCodes.length]}${2_000_000 + (Math.floor(i / areaCodes.length) % 8_000_000)}`, { lineType: random.pick(["voip", "mobile"]) });
    case "ip":
      return same(`${45 + ((i >>> 16) % 150)}.${(i >>> 8) & 255}.${i & 255}.${7 + (i % 200)}`, { vpn: random.chance(0.4) ? "Astrill" : "none" });
    case "device":
      return same(`C02${hex(i, 8).toUpperCase()}`);
    case "remote_access_id":
      return same(`anydesk:${100_000_000 + i}`, { tool: "AnyDesk" });
    case "crypto_wallet":
      return same(`0x${hex(i, 8)}${createHash("sha1").update(String(i)).digest("hex").slice(0, 32)}`, { asset: "USDC" }, "ethereum");
    case "bank_account":
      return same(`GB${String(10 + (i % 89))}BANK${String(i).padStart(14, "0")}`, { country: "GB" });
    case "payment_account":
      return same(`${random.pick(payPlatforms)}:${name}${i}`);
    case "freelance_account":
      return same(`${random.pick(platforms)}:${name}${i}`);
    case "social_handle":
      return same(`${random.pick(socials)}:${name.replace(".", "_")}${i}`);
    case "domain":
      return same(`${name.replace(".", "-")}${i}.dev`);
    case "postal_address":
      return same(`unit ${i % 900} ${100 + (i % 9000)} commerce park dr, suite ${i}, newark, de 19702`, { role: random.pick(["shipping", "forwarder", "résumé"]) });
    case "resume_hash":
    case "photo_hash":
      return same(createHash("sha256").update(`${type}:${i}`).digest("hex"));
    case "government_id":
      return { value: `***${String(i % 10_000).padStart(4, "0")}`, normalized: createHash("sha256").update(`gov:${i}`).digest("hex"), chain: null, attributes: { last4: String(i % 10_000).padStart(4, "0") } };
  }
}

export function identifierType(kind: number, random: Random): IdentifierType {
  return random.weighted(kind === 2 ? hubTypes : kind === 1 ? sharedTypes : privateTypes);
}

export function* identifierRows(random: Random, graph: PersonaGraph, ids: string[], createdAt: (i: number) => Date): Generator<Cell[]> {
  for (let i = 0; i < graph.identifiers; i++) {
    const id = random.uuid();
    ids.push(id);
    const type = identifierType(graph.identifierKind[i] ?? 0, random);
    const v = identifierValue(type, i, random);
    yield [id, type, v.value, v.normalized, v.chain, v.attributes, createdAt(i)];
  }
}
