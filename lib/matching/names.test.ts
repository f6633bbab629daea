import { describe, expect, it } from "vitest";
import { nameKey, nameKeys, nameParts } from "./names";
import { romanise } from "./romanise";

describe("romanise", () => {
  it("writes Hangul in Revised Romanisation, a token per syllable", () => {
    expect(romanise("김상만")).toBe("gim sang man");
    expect(romanise("박정호")).toBe("bak jeong ho");
  });

  it("writes Cyrillic in Latin letters and drops accents and punctuation", () => {
    expect(romanise("Сергей Иванов")).toBe("sergey ivanov");
    expect(romanise("José Núñez-O'Brien")).toBe("jose nunez o brien");
  });
});

describe("name keys", () => {
  it("gives one key to the spellings of one Korean name: order, hyphens, run-together parts, Hangul", () => {
    const key = nameKey("Kim Sang Man");
    for (const spelling of ["Sang-Man Gim", "SANGMAN KIM", "KIM, Sang Man", "김상만", "Gim Sangman"])
      expect(nameKey(spelling), spelling).toBe(key);
  });

  it("folds the usual romanisations of Korean surnames", () => {
    expect(new Set(["Park Ji", "Pak Ji", "Bak Ji"].map(nameKey)).size).toBe(1);
    expect(new Set(["Lee Min", "Yi Min", "Rhee Min", "Ri Min"].map(nameKey)).size).toBe(1);
    expect(nameKey("Choi Hyon")).toBe(nameKey("Choe Hyon"));
    expect(new Set(["Jong Song", "Chong Song", "Jung Song", "Jeong Song"].map(nameKey)).size).toBe(1);
  });

  it("folds Wade-Giles Chinese and Russian transliteration pairs", () => {
    expect(nameKey("Chou Wei")).toBe(nameKey("Zhou Wei"));
    expect(nameKey("Sergei Ivanov")).toBe(nameKey("Сергей Иванов"));
  });

  it("keeps different people apart: another given name, or a surname alone", () => {
    expect(nameKey("Kim Sang Man")).not.toBe(nameKey("Kim Sang Min"));
    expect(nameKey("Kim")).not.toBe(nameKey("Kim Sang Man"));
    expect(nameKey("Anna Smith")).not.toBe(nameKey("Anne Smith"));
  });

  it("splits a run-together part only into real syllables, the same way on both sides", () => {
    expect(nameParts("Sangman")).toEqual(["sang", "man"]);
    expect(nameParts("Park")).toEqual(["park"]);
    expect(nameParts("Christopher")).toEqual(["christopher"]);
  });

  it("lists the keys of a name and its aliases once, without empties", () => {
    expect(nameKeys(["KIM, Sang Man", "Gim Sangman", "—", "PAK, Chol"])).toEqual([
      nameKey("Kim Sang Man"),
      nameKey("Park Chol"),
    ]);
  });
});
