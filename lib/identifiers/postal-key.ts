/**
 * A postal address reduced to what tells two of them apart: lower case, punctuation gone, the
 * common words in one abbreviation ("street" and "st." are "st"; "apartment", "unit", "flat", "#"
 * are "apt") and UK postcodes without their inner space. Migration 0011 applies the same steps in
 * SQL to the rows stored before it, token by token: change both together (its test compares them).
 */
export const postalAbbreviations: Record<string, string> = {
  street: "st",
  str: "st",
  avenue: "ave",
  av: "ave",
  road: "rd",
  boulevard: "blvd",
  drive: "dr",
  lane: "ln",
  court: "ct",
  place: "pl",
  square: "sq",
  highway: "hwy",
  parkway: "pkwy",
  terrace: "ter",
  circle: "cir",
  apartment: "apt",
  unit: "apt",
  flat: "apt",
  "#": "apt",
  suite: "ste",
  floor: "fl",
  building: "bldg",
};

export function postalKey(raw: string): string {
  const spaced = raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(/#/g, " # ")
    // A list rather than "not a letter or digit", so migration 0011 gets the same result in SQL
    // whatever the database's locale.
    .replace(/[!"$%&'()*+,./:;<=>?@[\\\]^_`{|}~‘’“”‚„«»·…–—-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const tokens = spaced === "" ? [] : spaced.split(" ").map((t) => postalAbbreviations[t] ?? t);
  return tokens
    .join(" ")
    .replace(/(^| )apt apt( |$)/g, "$1apt$2")
    .replace(/(^| )([a-z]{1,2}[0-9][a-z0-9]?) ([0-9][a-z]{2})( |$)/g, "$1$2$3$4");
}
