import { invalidIdentifier, type Normalizer } from "./types";

/** ISO 13616 check: move the first four characters to the end, letters to 10..35, mod 97 must be 1. */
export function ibanChecksumOk(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** IBAN without spaces, upper-cased, accepted only when its check digits are right. */
export const normalizeBankAccount: Normalizer = (raw) => {
  const s = raw
    .trim()
    .replace(/^iban\s*[:#]?\s*/i, "")
    .replace(/[\s.-]+/g, "")
    .toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) throw invalidIdentifier("bank_account");
  if (!ibanChecksumOk(s)) throw invalidIdentifier("bank_account", "the check digits do not match; check for a typo");
  return { normalizedValue: s, chain: null, attributes: { country: s.slice(0, 2) } };
};
