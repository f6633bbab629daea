import type { IdentifierType } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { normalizeFreelanceAccount, normalizePaymentAccount, normalizeSocialHandle } from "./accounts";
import { normalizeDomain, normalizeEmail, normalizePhone, normalizePostalAddress } from "./contact";
import { normalizeCryptoWallet } from "./crypto";
import { normalizeBankAccount } from "./finance";
import { fileHash, normalizeGovernmentId } from "./hashes";
import { normalizeDevice, normalizeIp, normalizeRemoteAccessId } from "./network";
import { type IdentifierCandidate, type NormalizedIdentifier, type Normalizer, typeLabels } from "./types";

const normalizers: Record<IdentifierType, Normalizer> = {
  email: normalizeEmail,
  phone: normalizePhone,
  postal_address: normalizePostalAddress,
  ip: normalizeIp,
  device: normalizeDevice,
  remote_access_id: normalizeRemoteAccessId,
  crypto_wallet: normalizeCryptoWallet,
  bank_account: normalizeBankAccount,
  payment_account: normalizePaymentAccount,
  freelance_account: normalizeFreelanceAccount,
  social_handle: normalizeSocialHandle,
  domain: normalizeDomain,
  resume_hash: fileHash("resume_hash"),
  photo_hash: fileHash("photo_hash"),
  government_id: normalizeGovernmentId,
};

export const MAX_IDENTIFIER_LENGTH = 1000;

/**
 * The one way a raw value becomes an identifier. NFKC first, so full-width digits and similar
 * look-alike code points collapse to their plain forms before the type's own rules run.
 * Throws bad_request naming the expected format; `unparsed` keeps the trimmed raw value instead.
 */
export function normalizeIdentifier(candidate: IdentifierCandidate): NormalizedIdentifier {
  const { type } = candidate;
  const value = candidate.value.trim();
  if (value === "")
    throw new AppError("bad_request", `Enter the ${typeLabels[type]}`, [{ path: "value", message: "Required" }]);
  if (value.length > MAX_IDENTIFIER_LENGTH) {
    throw new AppError("bad_request", `At most ${MAX_IDENTIFIER_LENGTH} characters`, [
      { path: "value", message: `At most ${MAX_IDENTIFIER_LENGTH} characters` },
    ]);
  }
  try {
    const out = normalizers[type](value.normalize("NFKC"), candidate);
    // Hints the value was read with (platform, tool) are facts of the identifier, not the claim's.
    const claimAttributes = Object.fromEntries(
      Object.entries(out.claimAttributes ?? candidate.attributes ?? {}).filter(([key]) => !(key in out.attributes)),
    );
    return {
      type,
      value: out.value ?? value,
      normalizedValue: out.normalizedValue,
      chain: out.chain,
      attributes: out.attributes,
      claimAttributes,
    };
  } catch (error) {
    // A government id is never stored in the clear, parsed or not.
    if (!candidate.unparsed || type === "government_id" || !(error instanceof AppError)) throw error;
    const chain = candidate.chain?.trim().toLowerCase() || null;
    return {
      type,
      value,
      normalizedValue: value,
      chain,
      attributes: { unparsed: "true" },
      claimAttributes: { ...candidate.attributes },
    };
  }
}

/** Same as normalizeIdentifier, but answers the problem instead of throwing (for screening lists). */
export function tryNormalizeIdentifier(
  candidate: IdentifierCandidate,
): { ok: true; identifier: NormalizedIdentifier } | { ok: false; message: string } {
  try {
    return { ok: true, identifier: normalizeIdentifier(candidate) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
