import { isIP } from "node:net";
import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js/max";
import type { IdentifierType, MentionLocation } from "@/db/schema";
import { tryNormalizeIdentifier } from "@/lib/identifiers/normalize";
import type { IdentifierCandidate } from "@/lib/identifiers/types";

export interface FoundMention {
  type: IdentifierType;
  value: string;
  normalizedValue: string;
  chain: string | null;
  count: number;
  locations: MentionLocation[];
}

export interface PageText {
  /** 1-based; absent where the item is one undivided text. */
  page?: number;
  text: string;
}

/** Places kept per mention; the count says how many there are in all. */
export const MAX_LOCATIONS = 20;
const CONTEXT = 60;

interface Hit {
  candidate: IdentifierCandidate;
  start: number;
  end: number;
}

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}\b/g;
const URL_RE = /\bhttps?:\/\/[^\s<>"'`)\]}]+/gi;
const BARE_WEB = /\bwww\.(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}\b/gi;
const EVM = /\b0x[0-9a-fA-F]{40}\b/g;
// Legacy and script Bitcoin-family (1…, 3…, L…, M…, D…, X…), TRON (T…): base58check decides.
const BASE58 = /\b[13LMDXT][1-9A-HJ-NP-Za-km-z]{25,34}\b/g;
const BECH32 = /\b(?:bc1|ltc1|tb1)[02-9ac-hj-np-z]{11,71}\b/gi;
const SOLANA = /\b[1-9A-HJ-NP-Za-km-z]{32,44}\b/g;
const SOLANA_CUE = /\b(?:sol|solana|phantom)\b/i;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
// Not part of a longer dotted number (a version such as 1.2.3.4.5).
const IPV4 = /(?<!\d|\d\.)(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)/g;
const PHONE_SEGMENT = /[^,;|\n]+/g;
const IPV6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi;
// Hosts whose addresses are profiles (a handle), not a domain of the persona's own.
const PROFILE_HOSTS: Record<string, IdentifierType> = {
  "github.com": "social_handle",
  "linkedin.com": "social_handle",
  "t.me": "social_handle",
  "telegram.me": "social_handle",
  "x.com": "social_handle",
  "twitter.com": "social_handle",
  "upwork.com": "freelance_account",
  "freelancer.com": "freelance_account",
};

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

const at = (m: RegExpExecArray, candidate: IdentifierCandidate): Hit => ({
  candidate,
  start: m.index,
  end: m.index + m[0].length,
});

function urlHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of [...matches(URL_RE, text), ...matches(BARE_WEB, text)]) {
    const raw = m[0].replace(/[.,;:!?]+$/, "");
    let host: string;
    try {
      host = new URL(/^https?:/i.test(raw) ? raw : `http://${raw}`).hostname.toLowerCase().replace(/^www\./, "");
    } catch {
      continue;
    }
    const profile = PROFILE_HOSTS[host];
    const hit = { start: m.index, end: m.index + raw.length };
    if (profile) hits.push({ ...hit, candidate: { type: profile, value: raw } });
    else hits.push({ ...hit, candidate: { type: "domain", value: host } });
  }
  return hits;
}

/** Candidates found by pattern; each is kept only if the app's own normaliser accepts it. */
function candidates(text: string, defaultCountry: string | null): Hit[] {
  const hits: Hit[] = [];
  for (const m of matches(EMAIL, text)) hits.push(at(m, { type: "email", value: m[0] }));
  hits.push(...urlHits(text));
  for (const m of matches(EVM, text)) hits.push(at(m, { type: "crypto_wallet", value: m[0] }));
  for (const m of matches(BASE58, text)) hits.push(at(m, { type: "crypto_wallet", value: m[0] }));
  for (const m of matches(BECH32, text)) hits.push(at(m, { type: "crypto_wallet", value: m[0] }));
  for (const m of matches(SOLANA, text)) {
    // Any long base58 word decodes to 32 bytes often enough: a Solana address needs a cue nearby.
    if (!SOLANA_CUE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    hits.push(at(m, { type: "crypto_wallet", value: m[0], chain: "solana" }));
  }
  for (const m of matches(IBAN, text)) hits.push(at(m, { type: "bank_account", value: m[0] }));
  for (const m of matches(IPV4, text)) if (isIP(m[0]) === 4) hits.push(at(m, { type: "ip", value: m[0] }));
  for (const m of matches(IPV6, text)) if (isIP(m[0]) === 6) hits.push(at(m, { type: "ip", value: m[0] }));
  // Lists ("+44 20 7946 0958, 020 7946 0959") are read one item at a time: the finder gives up
  // on a candidate that runs from one number into the next.
  for (const segment of matches(PHONE_SEGMENT, text)) {
    for (const found of findPhoneNumbersInText(segment[0], {
      defaultCountry: (defaultCountry ?? undefined) as CountryCode | undefined,
    })) {
      const start = segment.index + found.startsAt;
      const end = segment.index + found.endsAt;
      hits.push({ candidate: { type: "phone", value: text.slice(start, end), defaultCountry }, start, end });
    }
  }
  return hits;
}

/** Drops hits inside a longer one (the domain of an e-mail address, an IP inside a URL). */
function outermost(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  let reach = -1;
  for (const hit of sorted) {
    if (hit.end <= reach) continue;
    kept.push(hit);
    reach = Math.max(reach, hit.end);
  }
  return kept;
}

function context(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return `${from > 0 ? "…" : ""}${text.slice(from, to).replace(/\s+/g, " ")}${to < text.length ? "…" : ""}`;
}

/**
 * The identifiers an item's text mentions: e-mails, phones (read in the organisation's region),
 * checksummed wallets, IBANs, IP addresses, domains and profile handles from URLs. A look-alike
 * the normaliser refuses (a wallet whose checksum fails, an IBAN with the wrong check digits) is
 * not a mention. One entry per normalised value, with its count and first places.
 */
export function findMentions(pages: readonly PageText[], defaultCountry: string | null = null): FoundMention[] {
  const found = new Map<string, FoundMention>();
  for (const { page, text } of pages) {
    for (const hit of outermost(candidates(text, defaultCountry))) {
      const tried = tryNormalizeIdentifier(hit.candidate);
      if (!tried.ok) continue;
      const normalized = tried.identifier;
      const key = `${normalized.type}\u0000${normalized.normalizedValue}`;
      let mention = found.get(key);
      if (!mention) {
        mention = {
          type: normalized.type,
          value: normalized.value,
          normalizedValue: normalized.normalizedValue,
          chain: normalized.chain,
          count: 0,
          locations: [],
        };
        found.set(key, mention);
      }
      mention.count += 1;
      if (mention.locations.length < MAX_LOCATIONS)
        mention.locations.push({
          ...(page === undefined ? {} : { page }),
          offset: hit.start,
          context: context(text, hit.start, hit.end),
        });
    }
  }
  return [...found.values()];
}
