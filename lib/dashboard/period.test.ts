import { describe, expect, it } from "vitest";
import { isoWeekLabel, resolvePeriod, weeksOf, weekStart } from "./period";
import { caseListHref, readDashboardUrl } from "./url";

describe("periods", () => {
  it("resolves presets against today (UTC)", () => {
    expect(resolvePeriod("7d", {}, "2026-05-20")).toEqual({ from: "2026-05-14", to: "2026-05-20" });
    expect(resolvePeriod("30d", {}, "2026-03-01")).toEqual({ from: "2026-01-31", to: "2026-03-01" });
    expect(resolvePeriod("90d", {}, "2026-05-20")).toEqual({ from: "2026-02-20", to: "2026-05-20" });
    expect(resolvePeriod("quarter", {}, "2026-05-20")).toEqual({ from: "2026-04-01", to: "2026-05-20" });
    expect(resolvePeriod("quarter", {}, "2026-12-31")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(resolvePeriod("custom", { from: "2019-01-01" }, "2026-05-20")).toEqual({
      from: "2019-01-01",
      to: "2026-05-20",
    });
    expect(resolvePeriod("nonsense", {}, "2026-05-20")).toEqual({ from: "2026-04-21", to: "2026-05-20" });
  });

  it("labels ISO weeks, including those that straddle a new year", () => {
    expect(weekStart("2019-01-01")).toBe("2018-12-31");
    expect(isoWeekLabel("2018-12-31")).toBe("2019-W01");
    expect(isoWeekLabel("2020-12-28")).toBe("2020-W53");
    expect(isoWeekLabel("2021-01-04")).toBe("2021-W01");
    expect(weeksOf({ from: "2026-03-04", to: "2026-03-16" })).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
  });
});

describe("the dashboard address", () => {
  it("keeps presets relative and maps them to API dates in a fixed order", () => {
    const url = readDashboardUrl(new URLSearchParams("severity=high&period=7d&team=Platform"), "2026-05-20");
    expect(url.period).toBe("7d");
    expect(url.apiSearch).toBe("from=2026-05-14&to=2026-05-20&team=Platform&severity=high");
  });

  it("treats bare dates as a custom period", () => {
    const url = readDashboardUrl(new URLSearchParams("from=2019-01-01&to=2019-03-31"), "2026-05-20");
    expect(url).toMatchObject({ period: "custom", query: { from: "2019-01-01", to: "2019-03-31" } });
  });

  it("builds case list links with the list's own filter names", () => {
    expect(caseListHref({ status: "triage", severity: "critical" })).toBe("/cases?status=triage&severity=critical");
    expect(caseListHref({ openedFrom: "2026-01-05", openedTo: "2026-01-11", severity: "" })).toBe(
      "/cases?openedFrom=2026-01-05&openedTo=2026-01-11",
    );
    expect(caseListHref({ status: "triage", team: "Web Platform", channel: null })).toBe(
      "/cases?status=triage&team=Web+Platform",
    );
    expect(caseListHref({ team: "a&b", channel: "Vendor X" })).toBe("/cases?team=a%26b&channel=Vendor+X");
  });
});
