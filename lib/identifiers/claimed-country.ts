import { type CountryCode, getCountries } from "libphonenumber-js/max";

/**
 * The country a persona claims to be in, read from the free-text claimed location ("Austin,
 * Texas, USA", "Warsaw, Poland") and else the claimed nationality when it names a country: the
 * region a phone number written without its +code is most likely from. Null when neither names
 * one. A bare two-letter part counts only when it is the whole field, since "Los Angeles, CA"
 * means California, not Canada.
 */
export function claimedCountryOf(persona: {
  claimedLocation: string | null;
  claimedNationality: string | null;
}): CountryCode | null {
  for (const text of [persona.claimedLocation, persona.claimedNationality]) {
    const found = text ? countryIn(text) : null;
    if (found) return found;
  }
  return null;
}

const key = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[.'’()]/g, "")
    .replace(/^the\s+/, "")
    .replace(/\s+/g, " ")
    .trim();

const aliases: Record<string, CountryCode> = {
  usa: "US",
  us: "US",
  america: "US",
  "united states of america": "US",
  uk: "GB",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  uae: "AE",
  korea: "KR",
  "republic of korea": "KR",
  "korea republic of": "KR",
  dprk: "KP",
  russia: "RU",
  "russian federation": "RU",
  "czech republic": "CZ",
  turkey: "TR",
  holland: "NL",
  "ivory coast": "CI",
  "hong kong": "HK",
  macau: "MO",
  macao: "MO",
  burma: "MM",
  "viet nam": "VN",
};

const usStates =
  "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada new-hampshire new-jersey new-mexico new-york north-carolina north-dakota ohio oklahoma oregon pennsylvania rhode-island south-carolina south-dakota tennessee texas utah vermont virginia washington west-virginia wisconsin wyoming district-of-columbia";

let byName: Map<string, CountryCode> | null = null;

function names(): Map<string, CountryCode> {
  if (byName) return byName;
  const map = new Map<string, CountryCode>();
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  for (const code of getCountries()) {
    const name = display.of(code);
    if (name) map.set(key(name), code);
  }
  for (const [name, code] of Object.entries(aliases)) map.set(name, code);
  // "Georgia" stays the country: a US address almost always says USA or a city as well.
  for (const state of usStates.split(" ")) if (state !== "georgia") map.set(state.replace(/-/g, " "), "US");
  return (byName = map);
}

function countryIn(text: string): CountryCode | null {
  const whole = text.trim();
  if (/^[A-Za-z]{2}$/.test(whole)) {
    const code = whole.toUpperCase() as CountryCode;
    return getCountries().includes(code) ? code : null;
  }
  const parts = whole
    .split(/[,;/]|\s-\s/)
    .map(key)
    .filter(Boolean);
  for (const part of parts.reverse()) {
    const found = names().get(part);
    if (found) return found;
  }
  return null;
}
