import type { IdentifierType } from "@/db/schema";
import { invalidIdentifier, type Normalizer } from "./types";

interface Platform {
  slug: string;
  names: string[];
  hosts?: string[];
  /** Pulls the handle out of a profile URL's path. */
  path?: RegExp;
}

const firstSegment = /^\/@?([^/]+)/;

export const socialPlatforms: Platform[] = [
  { slug: "github", names: ["github", "gh"], hosts: ["github.com"], path: firstSegment },
  { slug: "gitlab", names: ["gitlab"], hosts: ["gitlab.com"], path: firstSegment },
  { slug: "linkedin", names: ["linkedin"], hosts: ["linkedin.com"], path: /^\/in\/([^/]+)/ },
  { slug: "telegram", names: ["telegram", "tg"], hosts: ["t.me", "telegram.me"], path: firstSegment },
  { slug: "x", names: ["x", "twitter"], hosts: ["x.com", "twitter.com"], path: firstSegment },
  { slug: "discord", names: ["discord"] },
  { slug: "skype", names: ["skype"] },
  { slug: "whatsapp", names: ["whatsapp"] },
];

export const freelancePlatforms: Platform[] = [
  {
    slug: "upwork",
    names: ["upwork"],
    hosts: ["upwork.com"],
    path: /^\/(?:freelancers|fl|o\/profiles\/users)\/_?([^/]+)/,
  },
  { slug: "freelancer", names: ["freelancer"], hosts: ["freelancer.com"], path: /^\/u\/([^/]+)/ },
  { slug: "fiverr", names: ["fiverr"], hosts: ["fiverr.com"], path: firstSegment },
  { slug: "toptal", names: ["toptal"], hosts: ["toptal.com"], path: /^\/resume\/([^/]+)/ },
  { slug: "guru", names: ["guru"], hosts: ["guru.com"], path: /^\/freelancers\/([^/]+)/ },
];

export const paymentPlatforms: Platform[] = [
  { slug: "payoneer", names: ["payoneer"] },
  { slug: "wise", names: ["wise", "transferwise"], hosts: ["wise.com"], path: /^\/pay\/me\/([^/]+)/ },
  { slug: "paypal", names: ["paypal"], hosts: ["paypal.me", "paypal.com"], path: /^\/(?:paypalme\/)?([^/]+)/ },
  { slug: "revolut", names: ["revolut"], hosts: ["revolut.me"], path: firstSegment },
  { slug: "cashapp", names: ["cashapp", "cash app"], hosts: ["cash.app"], path: firstSegment },
  { slug: "venmo", names: ["venmo"], hosts: ["venmo.com"], path: /^\/(?:u\/)?([^/]+)/ },
  { slug: "zelle", names: ["zelle"] },
  { slug: "skrill", names: ["skrill"] },
];

const slugOf = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

function platformByName(platforms: Platform[], name: string): string {
  const slug = slugOf(name);
  return platforms.find((p) => p.names.some((n) => slugOf(n) === slug))?.slug ?? slug;
}

function fromUrl(platforms: Platform[], raw: string): { platform: string; handle: string } | null {
  const looksLikeUrl = /^https?:\/\//i.test(raw) || /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(raw);
  if (!looksLikeUrl) return null;
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^(www|[a-z]{2})\./, "");
  const platform = platforms.find((p) => p.hosts?.includes(host));
  const handle = platform?.path?.exec(url.pathname)?.[1];
  return platform && handle ? { platform: platform.slug, handle: decodeURIComponent(handle) } : null;
}

function splitPlatform(platforms: Platform[], raw: string): { platform: string; handle: string } | null {
  const url = fromUrl(platforms, raw);
  if (url) return url;
  for (const p of platforms) {
    for (const name of p.names) {
      const m = new RegExp(`^${name.replace(/ /g, "\\s*")}\\s*[:\\s]\\s*(.+)$`, "i").exec(raw);
      if (m?.[1]) return { platform: p.slug, handle: m[1] };
    }
  }
  const generic = /^([a-z][a-z0-9 _.-]{0,30}?)\s*:\s*(.+)$/i.exec(raw);
  return generic?.[1] && generic[2] ? { platform: platformByName(platforms, generic[1]), handle: generic[2] } : null;
}

/** `platform:handle`, both lower-cased, the handle without a leading @; profile URLs reduced to the handle. */
function platformAccount(type: IdentifierType, platforms: Platform[]): Normalizer {
  return (raw, candidate) => {
    const s = raw.trim();
    const given = candidate.attributes?.platform;
    const split = splitPlatform(platforms, s);
    const platform = given ? platformByName(platforms, given) : split?.platform;
    // A value may repeat the platform it was given with ("Payoneer name@…"); otherwise it is all handle.
    const parsed = platform
      ? { platform, handle: split && (!given || split.platform === platform) ? split.handle : s }
      : null;
    if (!parsed?.platform) throw invalidIdentifier(type, "name the platform");
    const handle = parsed.handle.trim().replace(/^@/, "").replace(/\/+$/, "").toLowerCase();
    if (!/^[\p{L}\p{N}._\-:$+@~]{1,200}$/u.test(handle)) throw invalidIdentifier(type);
    return { normalizedValue: `${parsed.platform}:${handle}`, chain: null, attributes: { platform: parsed.platform } };
  };
}

export const normalizeSocialHandle = platformAccount("social_handle", socialPlatforms);
export const normalizeFreelanceAccount = platformAccount("freelance_account", freelancePlatforms);
export const normalizePaymentAccount = platformAccount("payment_account", paymentPlatforms);
