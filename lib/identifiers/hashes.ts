import { createHmac, randomBytes } from "node:crypto";
import type { IdentifierType } from "@/db/schema";
import { env } from "@/lib/env";
import { dataFolderSecret } from "@/lib/secrets";
import { invalidIdentifier, type Normalizer } from "./types";

/** SHA-256 as 64 lower-case hex digits; "sha256:" style prefixes and spaces are dropped. */
export function fileHash(type: Extract<IdentifierType, "resume_hash" | "photo_hash">): Normalizer {
  return (raw) => {
    const s = raw
      .trim()
      .replace(/^sha-?256\s*[:=]?\s*/i, "")
      .replace(/\s+/g, "")
      .toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(s)) throw invalidIdentifier(type);
    return { normalizedValue: s, chain: null, attributes: { algorithm: "sha256" } };
  };
}

let cachedKey: string | undefined;

/**
 * The key for government-id hashes: IDENTIFIER_HASH_KEY when set (every instance of a deployment
 * must share it, or the same id would hash differently), else one created once in the data folder.
 */
function hashKey(): string {
  if (env.IDENTIFIER_HASH_KEY) return env.IDENTIFIER_HASH_KEY;
  cachedKey ??= dataFolderSecret("identifier-hash-key", () => randomBytes(32).toString("base64url") + "\n").trim();
  return cachedKey;
}

/**
 * A keyed hash, never the number: a leaked database cannot be searched for a known id without
 * the key, and the page shows only the last four characters. Separators and case do not matter.
 */
export const normalizeGovernmentId: Normalizer = (raw) => {
  const s = raw
    .trim()
    .toUpperCase()
    .replace(/[\s./-]+/g, "");
  if (!/^[A-Z0-9]{4,40}$/.test(s)) throw invalidIdentifier("government_id");
  const digest = createHmac("sha256", hashKey()).update(s).digest("hex");
  const attributes: Record<string, string> = { last4: s.slice(-4) };
  return { normalizedValue: `hmac:${digest}`, value: `••••${s.slice(-4)}`, chain: null, attributes };
};
