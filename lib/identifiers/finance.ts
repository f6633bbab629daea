import { getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from "ibantools";
import { invalidIdentifier, type Normalizer } from "./types";

const countries = getCountrySpecifications();

/**
 * IBAN without spaces, upper-cased, accepted only when ibantools finds the country, its length and
 * format, and the mod-97 check digits right (national check digits are the bank's business).
 */
export const normalizeBankAccount: Normalizer = (raw) => {
  const s = raw
    .trim()
    .replace(/^iban\s*[:#]?\s*/i, "")
    .replace(/[\s.-]+/g, "")
    .toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) throw invalidIdentifier("bank_account");
  const country = s.slice(0, 2);
  const errors = validateIBAN(s).errorCodes.filter((e) => e !== ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
  if (errors.includes(ValidationErrorsIBAN.NoIBANCountry) || !countries[country]?.chars)
    throw invalidIdentifier("bank_account", `${country} is not a country that uses IBANs`);
  const length = countries[country]!.chars!;
  if (s.length !== length) throw invalidIdentifier("bank_account", `an IBAN from ${country} has ${length} characters`);
  if (errors.includes(ValidationErrorsIBAN.WrongIBANChecksum))
    throw invalidIdentifier("bank_account", "the check digits do not match; check for a typo");
  if (errors.length > 0) throw invalidIdentifier("bank_account", `not the format of an IBAN from ${country}`);
  return { normalizedValue: s, chain: null, attributes: { country } };
};
