import { describe, expect, it } from "vitest";
import { bestNameMatch, nameSimilarity, trigrams } from "./similarity";

describe("name similarity", () => {
  it("pads words as pg_trgm does", () => {
    expect([...trigrams(["cat"])].sort()).toEqual(["  c", " ca", "at ", "cat"]);
  });

  it("is 1 for the spellings of one name: order, hyphens, romanisation, Hangul, Cyrillic", () => {
    for (const other of ["Sang-Man Gim", "김상만", "SANGMAN KIM", "Gim Sangman"])
      expect(nameSimilarity("Kim Sang Man", other), other).toBe(1);
    expect(nameSimilarity("Pak Chol", "Park Chol")).toBe(1);
    expect(nameSimilarity("Choe Hyon", "Choi Hyon")).toBe(1);
    expect(nameSimilarity("Yi Min Jun", "Rhee Min-Jun")).toBe(1);
    expect(nameSimilarity("Jung Song", "Chong Song")).toBe(1);
    expect(nameSimilarity("Chou Wei", "Zhou Wei")).toBe(1);
    expect(nameSimilarity("Сергей Иванов", "Ivanov Sergei")).toBe(1);
  });

  it("is high for a near spelling, low for a shared surname alone, 0 without letters", () => {
    expect(nameSimilarity("Kim Sang Man", "Kim Sang Min")).toBeGreaterThan(0.5);
    expect(nameSimilarity("Kim Sang Man", "Kim Young Ho")).toBeLessThan(0.35);
    expect(nameSimilarity("Anna Smith", "Chen Wei")).toBe(0);
    expect(nameSimilarity("—", "Kim")).toBe(0);
  });

  it("finds the best pair among names and aliases", () => {
    expect(bestNameMatch(["John Park", "Kim Sang Man"], ["Alex Doe", "Gim Sang-Man"])).toEqual({
      score: 1,
      mine: "Kim Sang Man",
      theirs: "Gim Sang-Man",
    });
    expect(bestNameMatch([], ["x"])).toBeNull();
  });
});
