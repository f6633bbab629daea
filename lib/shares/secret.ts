import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** 256 random bits as 43 base64url characters: far past guessing (the floor is 128). */
export function generateShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are 256-bit random, so one unsalted SHA-256 is enough to keep them out of the database. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// No 0/O, 1/I/L: the code is read aloud or typed from another message.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Ten characters of a 31-letter alphabet (about 50 bits), in two groups: "7KQ4M-XR2PW". */
export function generateShareCode(): string {
  const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** Bound to the share, so the same code on two links hashes differently; typed spacing and case do not matter. */
export function hashShareCode(shareId: string, code: string): string {
  const normalised = code.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return createHash("sha256").update(`${shareId}:${normalised}`, "utf8").digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
