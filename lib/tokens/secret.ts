import { createHash, randomBytes } from "node:crypto";

const TOKEN_PREFIX = "cwk_";

/** 256 random bits; the prefix makes leaked tokens easy to recognise in logs and code scanners. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** Tokens carry 256 bits of entropy, so one SHA-256 (no salt, no stretching) cannot be brute-forced. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

export function looksLikeToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length >= TOKEN_PREFIX.length + 40 && value.length <= 100;
}
