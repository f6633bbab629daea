import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { instanceSigningKey } from "./signing";

/**
 * The fingerprint administrators publish so recipients of a pack can tell its public-key.pem is
 * this instance's. Showing it creates the key if no pack has been made yet, so the value an
 * administrator hands out before the first export is the one the packs will carry.
 */
export function signingKeyFingerprint({ actor }: { actor: Actor }): { fingerprint: string; algorithm: "Ed25519" } {
  authorize(actor, "user:manage");
  return { fingerprint: instanceSigningKey().fingerprint, algorithm: "Ed25519" };
}
