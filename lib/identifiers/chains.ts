import { keccak_256 } from "@noble/hashes/sha3.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { base58, base58check, base58xmr, bech32, bech32m } from "@scure/base";

/**
 * Chains as people and lists write them: names, and the tickers OFAC's SDN list and exchanges use.
 * Each maps to the one name stored; a name not listed here is taken as an EVM-compatible chain.
 */
const chainAliases: Record<string, string> = {
  bitcoin: "bitcoin",
  btc: "bitcoin",
  xbt: "bitcoin",
  ethereum: "ethereum",
  eth: "ethereum",
  ether: "ethereum",
  etc: "ethereum_classic",
  tron: "tron",
  trx: "tron",
  solana: "solana",
  sol: "solana",
  litecoin: "litecoin",
  ltc: "litecoin",
  bitcoin_cash: "bitcoin_cash",
  bitcoincash: "bitcoin_cash",
  bch: "bitcoin_cash",
  monero: "monero",
  xmr: "monero",
  zcash: "zcash",
  zec: "zcash",
  dash: "dash",
  dogecoin: "dogecoin",
  doge: "dogecoin",
  polygon: "polygon",
  matic: "polygon",
  pol: "polygon",
  bsc: "bsc",
  bnb: "bsc",
  bep20: "bsc",
  erc20: "ethereum",
  trc20: "tron",
  arbitrum: "arbitrum",
  arb: "arbitrum",
  optimism: "optimism",
  op: "optimism",
  avalanche: "avalanche",
  avax: "avalanche",
  base: "base",
};

/** Tokens, not chains: the chain follows from the address and the token is kept as the asset. */
const tokenTickers = new Set(["usdt", "usdc", "dai", "busd", "tusd", "usdp", "pyusd", "fdusd", "wbtc", "weth"]);

/** The chains whose addresses are not EVM ones; every other stored name is an EVM chain. */
export const nonEvmChains = [
  "bitcoin",
  "tron",
  "solana",
  "litecoin",
  "bitcoin_cash",
  "monero",
  "zcash",
  "dash",
  "dogecoin",
] as const;
export type NonEvmChain = (typeof nonEvmChains)[number];

export function isNonEvmChain(chain: string): chain is NonEvmChain {
  return (nonEvmChains as readonly string[]).includes(chain);
}

/** A chain as given ("BTC", "Bitcoin", "usdt") read as { chain } or, for a token, { token }. */
export function readChain(given: string): { chain: string } | { token: string } {
  if (tokenTickers.has(given)) return { token: given.toUpperCase() };
  return { chain: chainAliases[given] ?? given };
}

/** The address family a value has, by shape and checksum; "typo" when the shape fits and the checksum not. */
export type AddressCheck = { chain: string; value: string } | "typo" | null;

const B58 = /^[1-9A-HJ-NP-Za-km-z]+$/;
const b58check = base58check(sha256);

/** Version bytes of base58check addresses, per chain (mainnet and testnet). */
const base58Versions: { chain: NonEvmChain; version: number[] }[] = [
  { chain: "bitcoin", version: [0x00] },
  { chain: "bitcoin", version: [0x05] },
  { chain: "bitcoin", version: [0x6f] },
  { chain: "bitcoin", version: [0xc4] },
  { chain: "tron", version: [0x41] },
  { chain: "litecoin", version: [0x30] },
  { chain: "litecoin", version: [0x32] },
  { chain: "dogecoin", version: [0x1e] },
  { chain: "dogecoin", version: [0x16] },
  { chain: "dash", version: [0x4c] },
  { chain: "dash", version: [0x10] },
  { chain: "zcash", version: [0x1c, 0xb8] },
  { chain: "zcash", version: [0x1c, 0xbd] },
];

/** base58check (Bitcoin, Litecoin, Dash, Dogecoin, Zcash t-addresses, Tron): 20-byte hash after the version. */
function checkBase58(s: string): AddressCheck {
  if (!B58.test(s) || s.length < 26 || s.length > 36) return null;
  let payload: Uint8Array;
  try {
    payload = b58check.decode(s);
  } catch {
    // The right length and alphabet for a base58check address, but a wrong checksum.
    try {
      return base58.decode(s).length === 25 || base58.decode(s).length === 26 ? "typo" : null;
    } catch {
      return null;
    }
  }
  const match = base58Versions.find(
    ({ version }) => payload.length === version.length + 20 && version.every((byte, index) => payload[index] === byte),
  );
  return match ? { chain: match.chain, value: s } : null;
}

const bech32Prefixes: Record<string, NonEvmChain> = { bc: "bitcoin", tb: "bitcoin", ltc: "litecoin", zs: "zcash" };

/**
 * bech32 (witness v0, Zcash sapling) and bech32m (v1+, taproot). Case-insensitive but never
 * mixed; an all-upper address (as QR codes print it) is the same wallet, so it is lower-cased.
 */
function checkBech32(s: string): AddressCheck {
  if (s !== s.toLowerCase() && s !== s.toUpperCase()) return null;
  const lower = s.toLowerCase();
  const match = /^([a-z]{2,3})1[02-9ac-hj-np-z]{6,}$/.exec(lower);
  const chain = match?.[1] ? bech32Prefixes[match[1]] : undefined;
  if (!chain) return null;
  const limit = 120;
  for (const coder of [bech32, bech32m]) {
    try {
      const { words } = coder.decode(lower as `${string}1${string}`, limit);
      if (chain === "zcash") return coder === bech32 ? { chain, value: lower } : "typo";
      // Witness v0 uses bech32, later versions bech32m (BIP 350).
      if ((words[0] === 0) === (coder === bech32)) return { chain, value: lower };
      return "typo";
    } catch {
      // try the other variant
    }
  }
  return "typo";
}

/** EIP-55: all-lower or all-upper hex carries no checksum; mixed case must match keccak of the lower form. */
function checkEvm(s: string): AddressCheck {
  if (!/^0x[0-9a-f]{40}$/i.test(s)) return null;
  const hex = s.slice(2);
  const lower = hex.toLowerCase();
  if (hex === lower || hex === hex.toUpperCase()) return { chain: "ethereum", value: `0x${lower}` };
  const hash = keccak_256(new TextEncoder().encode(lower));
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    const ch = hex[i]!;
    if (/[a-f]/i.test(ch) && nibble >= 8 !== (ch === ch.toUpperCase())) return "typo";
  }
  return { chain: "ethereum", value: `0x${lower}` };
}

/** Monero: its own base58 blocks; the last 4 bytes are keccak-256 of the rest. */
function checkMonero(s: string): AddressCheck {
  if (!/^[48][1-9A-HJ-NP-Za-km-z]{94}([1-9A-HJ-NP-Za-km-z]{11})?$/.test(s)) return null;
  try {
    const bytes = base58xmr.decode(s);
    const body = bytes.slice(0, -4);
    const sum = keccak_256(body).slice(0, 4);
    return sum.every((byte, index) => byte === bytes[bytes.length - 4 + index])
      ? { chain: "monero", value: s }
      : "typo";
  } catch {
    return "typo";
  }
}

/** Bitcoin Cash CashAddr, with or without its prefix (shape only: lower-cased, prefix dropped). */
function checkCashAddr(s: string): AddressCheck {
  const lower = s.toLowerCase();
  if (s !== lower && s !== s.toUpperCase()) return null;
  const match = /^(?:bitcoincash:)?([qp][02-9ac-hj-np-z]{41})$/.exec(lower);
  return match?.[1] ? { chain: "bitcoin_cash", value: match[1] } : null;
}

/** Solana: base58 of a 32-byte public key. */
function checkSolana(s: string): AddressCheck {
  if (!B58.test(s) || s.length < 32 || s.length > 44) return null;
  try {
    return base58.decode(s).length === 32 ? { chain: "solana", value: s } : null;
  } catch {
    return null;
  }
}

/** The first check that recognises the value; a checksum failure stops the search (it is a typo). */
export function checkAddress(s: string, only?: string): AddressCheck {
  const checks: [string[], (s: string) => AddressCheck][] = [
    [["evm"], checkEvm],
    [["bitcoin", "litecoin", "zcash"], checkBech32],
    [["bitcoin_cash"], checkCashAddr],
    [["monero"], checkMonero],
    [["bitcoin", "tron", "litecoin", "dogecoin", "dash", "zcash", "bitcoin_cash"], checkBase58],
    [["solana"], checkSolana],
  ];
  const family = only === undefined ? undefined : isNonEvmChain(only) ? only : "evm";
  let typo = false;
  for (const [chains, check] of checks) {
    if (family && !chains.includes(family)) continue;
    const out = check(s);
    if (out === "typo") {
      typo = true;
      continue;
    }
    if (!out) continue;
    // Bitcoin Cash also uses legacy Bitcoin addresses.
    const chain = family === "bitcoin_cash" && out.chain === "bitcoin" ? "bitcoin_cash" : out.chain;
    if (family === "evm" || !family || chain === family) return { ...out, chain };
  }
  return typo ? "typo" : null;
}
