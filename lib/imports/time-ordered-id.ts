import { randomBytes } from "node:crypto";

/**
 * A version 7 UUID (RFC 9562): the time in milliseconds first, then random bits. Rows a bulk
 * import creates get these, so their keys land at the end of each index they are in (the primary
 * keys, the claims' and holders' indexes) instead of on a random page of an index too large for
 * memory: each insert and foreign-key check of a batch touches the same few pages.
 */
export function timeOrderedId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
