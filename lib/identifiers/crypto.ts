import { AppError } from "@/lib/errors";
import { checkAddress, isNonEvmChain, readChain } from "./chains";
import { invalidIdentifier, type Normalizer } from "./types";

/** Strips payment-URI wrappers: "ethereum:0x…@1/transfer?…", "bitcoin:bc1…?amount=1". */
function unwrap(raw: string): string {
  return raw
    .trim()
    .replace(/^(ethereum|bitcoin|tron|solana|litecoin|monero|zcash|dash|dogecoin):(\/\/)?/i, "")
    .replace(/[@/?].*$/, "")
    .trim();
}

const chainLabels: Record<string, string> = {
  bitcoin: "Bitcoin",
  tron: "TRON",
  solana: "Solana",
  litecoin: "Litecoin",
  bitcoin_cash: "Bitcoin Cash",
  monero: "Monero",
  zcash: "Zcash",
  dash: "Dash",
  dogecoin: "Dogecoin",
};

export const checksumTypo = "checksum does not match: probably a typo";

function typo(): AppError {
  const message = `Not a valid crypto wallet: ${checksumTypo}`;
  return new AppError("bad_request", message, [{ path: "value", message }]);
}

/**
 * EVM addresses lower-cased (checksum case carries no identity, so one address is one identifier
 * on every EVM chain); base58 kept exactly, its case matters; bech32 lower-cased. A checksum that
 * fails is refused as a typo (the caller may still store it as unparsed).
 */
export const normalizeCryptoWallet: Normalizer = (raw, candidate) => {
  const s = unwrap(raw);
  const given =
    candidate.chain
      ?.trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_") || undefined;
  if (given !== undefined && !/^[a-z0-9_]{2,30}$/.test(given)) {
    const message = "chain is a network name or ticker such as ethereum, BTC, TRX, SOL or polygon";
    throw new AppError("bad_request", message, [{ path: "chain", message }]);
  }
  const claimAttributes: Record<string, string> = { ...candidate.attributes };
  if (claimAttributes.asset) claimAttributes.asset = claimAttributes.asset.trim().toUpperCase();
  const read = given === undefined ? undefined : readChain(given);
  if (read && "token" in read) claimAttributes.asset ??= read.token;
  const chain = read && "chain" in read ? read.chain : undefined;
  if (chain) {
    const found = checkAddress(s, chain);
    if (found === "typo") throw typo();
    if (!found) {
      const family = isNonEvmChain(chain) ? chainLabels[chain] : "an EVM chain (0x and 40 hex digits)";
      throw invalidIdentifier("crypto_wallet", `not an address for ${family}`);
    }
    return { normalizedValue: found.value, chain, attributes: {} as Record<string, string>, claimAttributes };
  }
  const found = checkAddress(s);
  if (found === "typo") throw typo();
  if (!found) throw invalidIdentifier("crypto_wallet");
  return {
    normalizedValue: found.value,
    chain: found.chain,
    attributes: { chainInferred: "true" },
    claimAttributes,
  };
};
