import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting, defuses spreadsheet formulas and marks the text as UTF-8", () => {
    expect(
      toCsv(
        ["Name", "Count"],
        [
          ["a, b", 1],
          ['say "hi"', 2],
          ["=SUM(A1)", 3],
          [null, 0],
          ["-1 and +1", -1],
          ["Zoë", 4],
        ],
      ),
    ).toBe('\uFEFFName,Count\r\n"a, b",1\r\n"say ""hi""",2\r\n"\'=SUM(A1)",3\r\n,0\r\n"\'-1 and +1",-1\r\nZoë,4\r\n');
  });

  it("reads back as the same cells (apart from the defused formula)", () => {
    const rows = [
      ["line\nbreak", "tab\there"],
      ["@user", ""],
    ];
    const parsed = Papa.parse<string[]>(toCsv(["a", "b"], rows).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ["a", "b"],
      ["line\nbreak", "tab\there"],
      ["'@user", ""],
    ]);
  });

  it("writes only the header for no rows", () => {
    expect(toCsv(["time", "action"], [])).toBe("\uFEFFtime,action\r\n");
  });
});
