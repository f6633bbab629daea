import { isIP } from "node:net";
import { invalidIdentifier, type Normalizer } from "./types";

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) names the IPv4 host, so it collapses to the IPv4 form. */
function mappedV4(host: string): string | null {
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!m?.[1] || !m[2]) return null;
  const hi = parseInt(m[1], 16);
  const lo = parseInt(m[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * Canonical text: IPv4 dotted decimal (node refuses leading zeros, which some parsers read as
 * octal); IPv6 as RFC 5952 (lower-case, longest zero run compressed), via the URL serialiser.
 */
export const normalizeIp: Normalizer = (raw) => {
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed?.[1]) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(s)) s = s.replace(/:\d+$/, "");
  s = s.replace(/\/(32|128)$/, "");
  if (s.includes("%")) throw invalidIdentifier("ip", "remove the zone id after %");
  const version = isIP(s);
  if (version === 4) return { normalizedValue: s, chain: null, attributes: { version: "4" } };
  if (version !== 6) throw invalidIdentifier("ip");
  const host = new URL(`http://[${s}]/`).hostname.slice(1, -1);
  const v4 = mappedV4(host);
  return v4
    ? { normalizedValue: v4, chain: null, attributes: { version: "4" } }
    : { normalizedValue: host, chain: null, attributes: { version: "6" } };
};

const MAC = /^([0-9a-f]{2}([:-])){5}[0-9a-f]{2}$|^([0-9a-f]{4}\.){2}[0-9a-f]{4}$|^[0-9a-f]{12}$/i;

/**
 * Upper-cased with whitespace and labels ("S/N:", "Serial number") removed. A MAC address in any
 * of its notations becomes 12 hex digits, so 00:1a:… and 001A.… match.
 */
export const normalizeDevice: Normalizer = (raw) => {
  const s = raw
    .trim()
    .replace(/^(?:s\/?n|serial(?:\s*(?:no\.?|number))?|asset(?:\s*tag)?|mac(?:\s*address)?)\s*[:#]?\s*/i, "")
    .replace(/\s+/g, "");
  if (MAC.test(s))
    return { normalizedValue: s.replace(/[:.-]/g, "").toUpperCase(), chain: null, attributes: { kind: "mac" } };
  const upper = s.toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9._:/-]{2,63}$/.test(upper)) throw invalidIdentifier("device");
  return { normalizedValue: upper, chain: null, attributes: {} as Record<string, string> };
};

const knownTools: [RegExp, string][] = [
  [/^any\s*desk\b/i, "anydesk"],
  [/^team\s*viewer\b/i, "teamviewer"],
  [/^rust\s*desk\b/i, "rustdesk"],
  [/^chrome\s*remote\s*desktop\b/i, "chrome_remote_desktop"],
  [/^splashtop\b/i, "splashtop"],
  [/^(?:connectwise\s*)?screen\s*connect\b/i, "screenconnect"],
  [/^log\s*me\s*in\b/i, "logmein"],
  [/^ultra\s*viewer\b/i, "ultraviewer"],
  [/^parsec\b/i, "parsec"],
];

function toolSlug(name: string): string {
  for (const [pattern, slug] of knownTools) if (pattern.test(name.trim())) return slug;
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** `tool:id`, e.g. "AnyDesk ID: 123 456 789" -> anydesk:123456789. Numeric ids lose their separators. */
export const normalizeRemoteAccessId: Normalizer = (raw, candidate) => {
  let s = raw.trim();
  let tool = candidate.attributes?.tool ? toolSlug(candidate.attributes.tool) : "";
  const known = knownTools.find(([pattern]) => pattern.test(s));
  if (known) {
    tool ||= known[1];
    s = s.replace(known[0], "").replace(/^\s*:?\s*/, "");
  } else {
    const m = /^([a-z][\w .-]{0,40}?)\s*:\s*(.+)$/i.exec(s);
    if (m?.[1] && m[2] && !/^id$/i.test(m[1])) {
      tool ||= toolSlug(m[1]);
      s = m[2];
    }
  }
  s = s
    .replace(/^id\s*[:#]?\s*/i, "")
    .toLowerCase()
    .replace(/\s+/g, "");
  if (/^[\d.-]+$/.test(s)) s = s.replace(/[.-]/g, "");
  if (!tool) throw invalidIdentifier("remote_access_id", "name the tool");
  if (!/^[a-z0-9@._#-]{3,100}$/.test(s)) throw invalidIdentifier("remote_access_id");
  return { normalizedValue: `${tool}:${s}`, chain: null, attributes: { tool } };
};
