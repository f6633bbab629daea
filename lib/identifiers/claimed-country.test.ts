import { describe, expect, it } from "vitest";
import { claimedCountryOf } from "./claimed-country";

const of = (claimedLocation: string | null, claimedNationality: string | null = null) =>
  claimedCountryOf({ claimedLocation, claimedNationality });

describe("claimedCountryOf", () => {
  it("reads the country from the end of a claimed location, by name, usual short form or US state", () => {
    expect(of("Austin, Texas, USA")).toBe("US");
    expect(of("Toronto, Ontario, Canada")).toBe("CA");
    expect(of("Warsaw, Poland")).toBe("PL");
    expect(of("Manchester, UK")).toBe("GB");
    expect(of("São Paulo - Brazil")).toBe("BR");
    expect(of("Seattle, Washington")).toBe("US");
    expect(of("Seoul, South Korea")).toBe("KR");
    expect(of("Prague, Czech Republic")).toBe("CZ");
    expect(of("GB")).toBe("GB");
  });

  it("does not read a US state abbreviation as a country, and falls back to a nationality naming one", () => {
    expect(of("Los Angeles, CA")).toBeNull();
    expect(of("Somewhere nice")).toBeNull();
    expect(of(null, "Poland")).toBe("PL");
    expect(of(null, "Polish")).toBeNull();
    expect(of("Lisbon, Portugal", "British")).toBe("PT");
    expect(of(null, null)).toBeNull();
  });
});
