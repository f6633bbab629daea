import { AppError } from "@/lib/errors";
import { invalidIdentifier, type Normalizer } from "./types";

const B58 = "[1-9A-HJ-NP-Za-km-z]";
const shapes = {
  evm: /^0x[0-9a-f]{40}$/i,
  bech32: /^(bc1|tb1)[02-9ac-hj-np-z]{11,87}$/,
  btcLegacy: new RegExp(`^[13]${B58}{25,34}$`),
  tron: new RegExp(`^T${B58}{33}$`),
  solana: new RegExp(`^${B58}{32,44}$`),
};
const nonEvmChains = ["bitcoin", "tron", "solana"] as const;

/** Strips payment-URI wrappers: "ethereum:0x…@1/transfer?…", "bitcoin:bc1…?amount=1". */
function unwrap(raw: string): string {
  return raw
    .trim()
    .replace(/^(ethereum|bitcoin|tron|solana):(\/\/)?/i, "")
    .replace(/[@/?].*$/, "")
    .trim();
}

/**
 * bech32 is case-insensitive but may not mix case; an all-upper address (as QR codes print it)
 * is the same wallet, so it is lower-cased rather than kept as a second identifier.
 */
function bech32(s: string): string | null {
  if (s !== s.toLowerCase() && s !== s.toUpperCase()) return null;
  const lower = s.toLowerCase();
  return shapes.bech32.test(lower) ? lower : null;
}

function shapeFor(chain: string, s: string): string | null {
  switch (chain) {
    case "bitcoin":
      return shapes.btcLegacy.test(s) ? s : bech32(s);
    case "tron":
      return shapes.tron.test(s) ? s : null;
    case "solana":
      return shapes.solana.test(s) ? s : null;
    default:
      // Every other chain name is taken as EVM-compatible (polygon, bsc, arbitrum, base…).
      return shapes.evm.test(s) ? s.toLowerCase() : null;
  }
}

function infer(s: string): { chain: string; value: string } | null {
  if (shapes.evm.test(s)) return { chain: "ethereum", value: s.toLowerCase() };
  const b = bech32(s);
  if (b) return { chain: "bitcoin", value: b };
  if (shapes.tron.test(s)) return { chain: "tron", value: s };
  if (shapes.btcLegacy.test(s)) return { chain: "bitcoin", value: s };
  if (shapes.solana.test(s)) return { chain: "solana", value: s };
  return null;
}

/** EVM addresses lower-cased (checksum case carries no identity); base58 kept exactly, its case matters. */
export const normalizeCryptoWallet: Normalizer = (raw, candidate) => {
  const s = unwrap(raw);
  const given =
    candidate.chain
      ?.trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_") || undefined;
  if (given !== undefined && !/^[a-z0-9_]{2,30}$/.test(given)) {
    const message = "chain is a network name such as ethereum, bitcoin, tron, solana or polygon";
    throw new AppError("bad_request", message, [{ path: "chain", message }]);
  }
  const claimAttributes: Record<string, string> = { ...candidate.attributes };
  if (claimAttributes.asset) claimAttributes.asset = claimAttributes.asset.trim().toUpperCase();
  if (given) {
    const value = shapeFor(given, s);
    if (!value) {
      const family = (nonEvmChains as readonly string[]).includes(given)
        ? given
        : "an EVM chain (0x and 40 hex digits)";
      throw invalidIdentifier("crypto_wallet", `not an address for ${family}`);
    }
    return { normalizedValue: value, chain: given, attributes: {} as Record<string, string>, claimAttributes };
  }
  const inferred = infer(s);
  if (!inferred) throw invalidIdentifier("crypto_wallet");
  return {
    normalizedValue: inferred.value,
    chain: inferred.chain,
    attributes: { chainInferred: "true" },
    claimAttributes,
  };
};
