import { describe, expect, it } from "vitest";
import { addUsBusinessDays, isUsBusinessDay, ofacDeadline, usFederalHolidays } from "./deadlines";

describe("OFAC 10-business-day window", () => {
  it("from a Friday lands on the Friday two weeks later, skipping both weekends", () => {
    // 6 March 2026 is a Friday with no federal holiday in the following fortnight.
    expect(new Date("2026-03-06T00:00:00Z").getUTCDay()).toBe(5);
    expect(addUsBusinessDays("2026-03-06", 10)).toBe("2026-03-20");
    expect(ofacDeadline(new Date("2026-03-06T15:30:00Z")).toISOString()).toBe("2026-03-20T23:59:59.999Z");
  });

  it("from a Saturday or Sunday counts from the Monday after", () => {
    expect(addUsBusinessDays("2026-03-07", 10)).toBe("2026-03-20");
    expect(addUsBusinessDays("2026-03-08", 10)).toBe("2026-03-20");
    expect(addUsBusinessDays("2026-03-08", 1)).toBe("2026-03-09");
  });

  it("from a Friday, one business day is the Monday", () => {
    expect(addUsBusinessDays("2026-03-06", 1)).toBe("2026-03-09");
  });

  it("skips federal holidays: Martin Luther King Day (19 January 2026) pushes the window a day", () => {
    expect(addUsBusinessDays("2026-01-09", 10)).toBe("2026-01-26");
  });

  it("skips Thanksgiving and the observed Independence Day", () => {
    // Thanksgiving 2026 is Thursday 26 November.
    expect(addUsBusinessDays("2026-11-20", 10)).toBe("2026-12-07");
    // 4 July 2026 is a Saturday, observed on Friday 3 July.
    expect(isUsBusinessDay("2026-07-03")).toBe(false);
    expect(addUsBusinessDays("2026-07-02", 1)).toBe("2026-07-06");
  });

  it("knows the observed holidays, including New Year's Day observed in the previous December", () => {
    const h2026 = usFederalHolidays(2026);
    for (const d of [
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-07-03",
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
    ]) {
      expect(h2026.has(d), d).toBe(true);
    }
    // 1 January 2028 is a Saturday: observed on Friday 31 December 2027.
    expect(usFederalHolidays(2027).has("2027-12-31")).toBe(true);
    expect(isUsBusinessDay("2027-12-31")).toBe(false);
  });

  it("crosses a year end", () => {
    // 25 Dec 2026 (Fri) and 1 Jan 2027 (Fri) are holidays.
    expect(addUsBusinessDays("2026-12-18", 10)).toBe("2027-01-05");
  });
});
