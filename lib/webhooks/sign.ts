import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 random bits, shown to the admin once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The X-Casework-Signature value: sha256=<hex HMAC-SHA256 of the raw body with the secret>. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** How a receiver checks a delivery (constant-time), also used by the tests. */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
