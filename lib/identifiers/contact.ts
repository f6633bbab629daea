import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from "libphonenumber-js/max";
import { AppError } from "@/lib/errors";
import { emailKey } from "./email-key";
import { postalKey } from "./postal-key";
import { invalidIdentifier, type Normalizer } from "./types";

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

/**
 * Lower-cased and trimmed; "mailto:" and "Name <address>" wrappers are unwrapped first. The key
 * follows the provider's own rule (emailKey), so a Gmail address with dots or a +tag is the same
 * identifier as the plain one; the value as entered stays on the claim.
 */
export const normalizeEmail: Normalizer = (raw) => {
  let s = raw.trim();
  const angle = /<([^<>]+)>\s*$/.exec(s);
  if (angle?.[1]) s = angle[1];
  s = s
    .replace(/^mailto:/i, "")
    .trim()
    .toLowerCase();
  if (s.length > 254 || !EMAIL.test(s) || s.split("@")[0]!.length > 64) throw invalidIdentifier("email");
  const key = emailKey(s);
  return { normalizedValue: key, chain: null, attributes: { provider: key.split("@")[1]! } };
};

/**
 * International prefixes written out ("0044", or "011 44" where 011 is the prefix: no region or a
 * +1 region) become "+", and a "(0)" trunk prefix after the country code is dropped, so
 * "0044 (0)20 7946 0958", "+44 (0)20 7946 0958" and "020 7946 0958" (region GB) are one number.
 */
function internationalForm(s: string, country: string | undefined): string {
  const out = s.replace(/\(\s*0\s*\)/g, " ").trim();
  if (/^00\s*[1-9]/.test(out)) return `+${out.replace(/^00\s*/, "")}`;
  const nanp = !country || getCountryCallingCode(country as CountryCode) === "1";
  if (nanp && /^011[\s.-]*[2-9]/.test(out) && out.replace(/\D/g, "").length > 11)
    return `+${out.replace(/^011[\s.-]*/, "")}`;
  return out;
}

/**
 * E.164 through libphonenumber. Numbers the metadata calls "possible" but not "valid" are kept:
 * investigators meet VoIP and reserved ranges, and rejecting them would hide real reuse.
 */
export const normalizePhone: Normalizer = (raw, candidate) => {
  const country = candidate.defaultCountry?.trim().toUpperCase() || undefined;
  if (country && !isSupportedCountry(country)) {
    throw new AppError(
      "bad_request",
      `Unknown country ${country}: expected a two-letter country code such as US or GB`,
      [{ path: "defaultCountry", message: "Use a two-letter country code such as US or GB" }],
    );
  }
  const cleaned = internationalForm(raw.trim().replace(/^tel:/i, ""), country);
  // Letters are refused (apart from an extension): libphonenumber would read them as keypad digits.
  const body = cleaned.replace(/\s*(?:ext\.?|extension|x|#)\s*\d+\s*$/i, "");
  if (!/\d/.test(body) || /\p{L}/u.test(body)) throw invalidIdentifier("phone");
  const parsed = parsePhoneNumberFromString(cleaned, country as CountryCode | undefined);
  if (!parsed)
    throw invalidIdentifier(
      "phone",
      country ? undefined : "no country code: start with +, or give the country the number is written in",
    );
  const valid = parsed.isValid();
  if (!valid && !parsed.isPossible()) throw invalidIdentifier("phone", "wrong number of digits for the country");
  const attributes: Record<string, string> = {};
  if (parsed.country) attributes.country = parsed.country;
  const lineType = valid ? parsed.getType() : undefined;
  if (lineType) attributes.lineType = lineType.toLowerCase();
  if (!valid) attributes.validity = "possible";
  if (parsed.ext) attributes.ext = parsed.ext;
  return { normalizedValue: parsed.number, chain: null, attributes };
};

const addressRoles: Record<string, string> = {
  resume: "resume",
  résumé: "resume",
  cv: "resume",
  i9: "i9",
  "i-9": "i9",
  shipping: "shipping",
  forwarder: "forwarder",
  "freight forwarder": "forwarder",
};

/** The key of postalKey (case, punctuation, abbreviations, postal code); the role says where it was given. */
export const normalizePostalAddress: Normalizer = (raw, candidate) => {
  const s = postalKey(raw);
  if (s.replace(/[^\p{L}\p{N}]/gu, "").length < 5) throw invalidIdentifier("postal_address");
  const claimAttributes = { ...candidate.attributes };
  if (claimAttributes.role !== undefined) {
    const role = addressRoles[claimAttributes.role.trim().toLowerCase()];
    if (!role) {
      const message = "Address role must be one of: resume, i9, shipping, forwarder";
      throw new AppError("bad_request", message, [{ path: "attributes.role", message }]);
    }
    claimAttributes.role = role;
  }
  return { normalizedValue: s, chain: null, attributes: {}, claimAttributes };
};

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The lower-cased host: scheme, credentials, port, path and a trailing dot are dropped, and so is
 * a leading "www." (it almost always names the same site, and keeping it would split matches).
 */
export const normalizeDomain: Normalizer = (raw) => {
  let s = raw.trim().toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(s)) s = `http://${s}`;
  let host: string;
  try {
    host = new URL(s).hostname;
  } catch {
    throw invalidIdentifier("domain");
  }
  host = host.replace(/\.$/, "").replace(/^www\./, "");
  const labels = host.split(".");
  const tld = labels.at(-1) ?? "";
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^([a-z]{2,63}|xn--[a-z0-9-]+)$/.test(tld)) {
    throw invalidIdentifier("domain");
  }
  return { normalizedValue: host, chain: null, attributes: {} };
};
