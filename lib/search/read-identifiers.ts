import type { IdentifierType } from "@/db/schema";
import { findMentions } from "@/lib/intake/mentions";
import { tryNormalizeIdentifier } from "@/lib/identifiers/normalize";

export interface QueryIdentifier {
  type: IdentifierType;
  normalizedValue: string;
}

const BARE_DOMAIN = /^(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}$/i;
// Only digits and the marks numbers are written with: "0044 (0)20 7946 0958", "14045550142".
const PHONE_LIKE = /^\+?[\d\s().\-/]{7,30}$/;

/**
 * What a pasted query names, read the way evidence text is: a wallet, e-mail, phone (in the
 * organisation's region), IBAN, IP, profile URL in any notation becomes its normalised key; a bare
 * domain too. Nothing when the query is plain words.
 */
export function readIdentifiers(q: string, region: string | null): QueryIdentifier[] {
  const found: QueryIdentifier[] = findMentions([{ text: q }], region).map((m) => ({
    type: m.type,
    normalizedValue: m.normalizedValue,
  }));
  const whole = q.trim();
  if (found.length > 0) return found;
  // The whole query as one value, read by the app's own normaliser (international prefixes
  // written out, "(0)" trunk prefixes, the organisation's region).
  const as = (type: "domain" | "phone") => {
    const read = tryNormalizeIdentifier({ type, value: whole, defaultCountry: region });
    return read.ok ? [{ type, normalizedValue: read.identifier.normalizedValue }] : [];
  };
  if (BARE_DOMAIN.test(whole)) return as("domain");
  if (PHONE_LIKE.test(whole) && whole.replace(/\D/g, "").length >= 7) return as("phone");
  return found;
}
