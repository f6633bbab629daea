import type { IdentifierType } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** What a caller hands in: a typed raw value, plus the context some types need. */
export interface IdentifierCandidate {
  type: IdentifierType;
  value: string;
  chain?: string | null;
  attributes?: Record<string, string>;
  /** ISO 3166 alpha-2 country for phone numbers written without a country code. */
  defaultCountry?: string | null;
  /** Store the trimmed raw value when it cannot be parsed (the user insisted). */
  unparsed?: boolean;
}

/** The stored form: unique on (type, normalizedValue). */
export interface NormalizedIdentifier {
  type: IdentifierType;
  /** As entered (trimmed); for government ids only a mask with the last 4 characters. */
  value: string;
  normalizedValue: string;
  chain: string | null;
  /** Facts that follow from the value itself (derivedAttributeKeys): shared by every claim. */
  attributes: Record<string, string>;
  /** What the person recording it says about it (role, asset, holder name, a note): their claim's. */
  claimAttributes: Record<string, string>;
}

/**
 * The attribute keys a normaliser derives from the value (or from the platform or tool the value
 * names). Only these live on the shared identifier row; any other key is an assertion of whoever
 * recorded it and lives on their claim, so need-to-know filters it (migration 0007 uses this list).
 */
export const derivedAttributeKeys = [
  "provider",
  "country",
  "lineType",
  "validity",
  "ext",
  "version",
  "tool",
  "platform",
  "chainInferred",
  "algorithm",
  "last4",
  "unparsed",
] as const;

/** Splits attributes given together (seed data, imports) into the identifier's and the claim's. */
export function splitAttributes(attributes: Record<string, string> = {}): {
  derived: Record<string, string>;
  claimed: Record<string, string>;
} {
  const derived: Record<string, string> = {};
  const claimed: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes))
    ((derivedAttributeKeys as readonly string[]).includes(key) ? derived : claimed)[key] = value;
  return { derived, claimed };
}

export type Normalizer = (
  raw: string,
  candidate: IdentifierCandidate,
) => Omit<NormalizedIdentifier, "type" | "value" | "claimAttributes"> & {
  value?: string;
  claimAttributes?: Record<string, string>;
};

/** What each type must look like, quoted in every 400 so the user knows what to send. */
export const expectedFormats: Record<IdentifierType, string> = {
  email: "an email address like name@example.com",
  phone:
    "an international phone number like +1 202 555 0147 (E.164), or a national number with the country it is written in (e.g. GB)",
  postal_address: "a postal address of at least 5 characters",
  ip: "an IPv4 address like 192.0.2.1 or an IPv6 address like 2001:db8::1",
  device: "a serial number, asset tag or MAC address (letters, digits and - _ . : /)",
  remote_access_id: "tool:id such as anydesk:123456789 or teamviewer:1234567890",
  crypto_wallet:
    "an EVM address (0x and 40 hex digits), a Bitcoin address (1…, 3… or bc1…), a TRON address (T and 33 base58 characters), a Solana address (32-44 base58 characters) or a Litecoin, Bitcoin Cash, Monero, Zcash, Dash or Dogecoin address; chain by name or ticker (BTC, ETH, TRX, SOL…)",
  bank_account:
    "an IBAN like GB82 WEST 1234 5698 7654 32 (country code, 2 check digits and the country's length; the mod-97 check must pass)",
  payment_account: "platform:account such as payoneer:name@example.com or wise:name@example.com",
  freelance_account: "platform:handle such as upwork:~01abcdef or a profile URL",
  social_handle:
    "platform:handle such as github:octocat or telegram:name, or a profile URL like https://github.com/octocat",
  domain: "a host name like example.com (a URL is reduced to its host)",
  resume_hash: "a SHA-256 hash: 64 hexadecimal characters",
  photo_hash: "a SHA-256 hash: 64 hexadecimal characters",
  government_id: "an identity document number of at least 4 letters or digits",
};

export const typeLabels: Record<IdentifierType, string> = {
  email: "email address",
  phone: "phone number",
  postal_address: "postal address",
  ip: "IP address",
  device: "device serial",
  remote_access_id: "remote-access id",
  crypto_wallet: "crypto wallet",
  bank_account: "bank account",
  payment_account: "payment account",
  freelance_account: "freelance account",
  social_handle: "social handle",
  domain: "domain",
  resume_hash: "résumé hash",
  photo_hash: "photo hash",
  government_id: "government id",
};

/** A 400 naming the expected format; `path` points the form at the field to fix. */
export function invalidIdentifier(type: IdentifierType, reason?: string, path = "value"): AppError {
  const message = `Not a valid ${typeLabels[type]}${reason ? ` (${reason})` : ""}: expected ${expectedFormats[type]}`;
  return new AppError("bad_request", message, [{ path, message }]);
}
