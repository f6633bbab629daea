import { beforeAll, describe, expect, it } from "vitest";
import { addMember } from "@/lib/cases/add-member";
import { removeMember } from "@/lib/cases/remove-member";
import { makeActor } from "@/lib/testing/factories";
import { getDashboardSummary } from "./summary";
import { buildDashboardData, type DashboardTestData } from "./test-data";
import type { DashboardSummary } from "./views";

// Every expected value below is worked out by hand from test-data.ts.
let data: DashboardTestData;
const period = { from: "2019-01-01", to: "2019-03-31" };

beforeAll(async () => {
  data = await buildDashboardData();
});

// Waits for the persona networks however long they take, so every figure is there to check.
const summaryFor = (actor: DashboardTestData["a"], extra: Record<string, string> = {}) =>
  getDashboardSummary({ actor, query: { ...period, team: data.team, ...extra }, networkWaitMs: 60_000 });

describe("the manager's summary of the hand-built set", () => {
  let s: DashboardSummary;
  beforeAll(async () => {
    s = await summaryFor(data.manager);
  });

  it("describes the period and the scope", () => {
    expect(s.scope).toBe("all");
    expect(s.period).toEqual({ from: "2019-01-01", to: "2019-03-31", days: 90 });
    expect(s.filters).toEqual({ team: data.team, channel: null, severity: [] });
    expect(s.options.teams).toContain(data.team);
  });

  it("counts open cases now by status and severity", () => {
    expect(s.openCases).toEqual([
      { status: "triage", severity: "high", count: 1 },
      { status: "investigating", severity: "critical", count: 1 },
      { status: "contained", severity: "high", count: 1 },
      { status: "referred", severity: "critical", count: 1 },
    ]);
    expect(s.totals).toEqual({ open: 4, opened: 7, closed: 4 });
  });

  it("counts opened and closed per ISO week, with empty weeks as zeros", () => {
    // Mondays from 2018-12-31 (the week holding 1 January) to 2019-03-25: 13 weeks.
    expect(s.weekly).toHaveLength(13);
    expect(s.weekly[0]).toEqual({ weekStart: "2018-12-31", week: "2019-W01", opened: 1, closed: 0 });
    const busy = s.weekly.filter((w) => w.opened || w.closed).map((w) => [w.week, w.opened, w.closed]);
    expect(busy).toEqual([
      ["2019-W01", 1, 0], // c1
      ["2019-W02", 2, 0], // c2, c3
      ["2019-W03", 1, 1], // c4 opened 14 Jan, closed 18 Jan
      ["2019-W05", 1, 1], // c5 opened 1 Feb, closed Sunday 3 Feb
      ["2019-W06", 1, 1], // c6 opened and cleared
      ["2019-W07", 1, 1], // c7 opened and cleared
    ]);
    expect(s.weekly.at(-1)).toMatchObject({ weekStart: "2019-03-25", week: "2019-W13" });
  });

  it("computes median and 90th percentile times to contain and to close", () => {
    // Contained in the period: 10, 20, 30, 384 h. Median (20+30)/2 = 25; p90 at rank 2.7: 30 + 0.7 * 354 = 277.8.
    expect(s.timeToContain.cases).toBe(4);
    expect(s.timeToContain.medianHours).toBeCloseTo(25, 6);
    expect(s.timeToContain.p90Hours).toBeCloseTo(277.8, 6);
    // Closed or cleared in the period: 24, 50, 72, 100 h. Median 61; p90: 72 + 0.7 * 28 = 91.6.
    expect(s.timeToClose.cases).toBe(4);
    expect(s.timeToClose.medianHours).toBeCloseTo(61, 6);
    expect(s.timeToClose.p90Hours).toBeCloseTo(91.6, 6);
  });

  it("gives the share of closed cases cleared as false alarms", () => {
    expect(s.falseAlarms).toEqual({ closed: 4, cleared: 2, share: 0.5 });
  });

  it("lists overdue remediation tasks, most overdue first", () => {
    expect(s.overdueTasks.count).toBe(3);
    expect(s.overdueTasks.items.map((t) => t.id)).toEqual([data.taskIds.t1, data.taskIds.t4, data.taskIds.t6]);
    expect(s.overdueTasks.items[0]).toMatchObject({
      caseId: data.caseIds.c1,
      title: "Task t1",
      status: "todo",
      dueAt: "2019-01-05T00:00:00.000Z",
      ownerName: "Lead A",
    });
  });

  it("counts referrals created in the period by destination and status, and the overdue ones", () => {
    expect(s.referrals.byDestination).toEqual([
      {
        destination: "fbi_ic3",
        total: 3,
        byStatus: { draft: 0, submitted: 1, acknowledged: 1, closed: 1, declined: 0 },
      },
      {
        destination: "ofac_vsd",
        total: 1,
        byStatus: { draft: 1, submitted: 0, acknowledged: 0, closed: 0, declined: 0 },
      },
    ]);
    // r3 is acknowledged but still open: overdue here as on the Referrals page; r2's deadline is ahead, r5 is closed.
    expect(s.referrals.overdue.count).toBe(3);
    expect(s.referrals.overdue.items.map((r) => r.id)).toEqual([
      data.referralIds.r3,
      data.referralIds.r1,
      data.referralIds.r4,
    ]);
  });

  it("ranks the red flags on the personas of the cases opened in the period", () => {
    // c1 (p1: NO_VIDEO, VPN_ASTRILL), c3 (p2: NO_VIDEO, LAPTOP_FARM), c5 (p3: NO_VIDEO, VPN_ASTRILL);
    // p4 is on c9, opened in 2018; p5 is on no case.
    expect(s.redFlags).toEqual([
      { code: "NO_VIDEO", count: 3 },
      { code: "VPN_ASTRILL", count: 2 },
      { code: "LAPTOP_FARM", count: 1 },
    ]);
  });
});

describe("persona networks", () => {
  it("finds the network reaching these cases, its size, its cases and what its members share", async () => {
    const s = await summaryFor(data.manager);
    // p1-p2 (email), p2-p3 (email, wallet), p1-p4 (link): four personas on c1, c3, c5 and c9.
    expect(s.networks).toMatchObject({ pending: false, asOf: expect.any(String) });
    expect(s.networks.items).toHaveLength(1);
    const [network] = s.networks.items;
    expect(network).toMatchObject({ personas: 4, cases: 4 });
    expect(network?.sharedIdentifierTypes).toEqual([
      { type: "email", count: 2 },
      { type: "crypto_wallet", count: 1 },
    ]);
    expect(network?.samplePersonas).toHaveLength(3);
    expect(network?.samplePersonas.every((p) => p.displayName.startsWith(data.team))).toBe(true);
  });

  it("counts only the cases that pass the filters", async () => {
    const s = await summaryFor(data.manager, { severity: "high" });
    // c1 (p1) and c3 (p2) are the high-severity cases naming a member.
    expect(s.networks.items.map((n) => [n.personas, n.cases])).toEqual([[4, 2]]);
  });
});

describe("visibility", () => {
  it("an investigator's summary counts only their cases", async () => {
    const s = await summaryFor(data.a);
    expect(s.scope).toBe("own");
    expect(s.openCases).toEqual([
      { status: "triage", severity: "high", count: 1 },
      { status: "investigating", severity: "critical", count: 1 },
    ]);
    expect(s.totals).toEqual({ open: 2, opened: 4, closed: 2 });
    // Contained: c5 (30 h). Closed: c5 (50 h), c7 (72 h): median 61, p90 50 + 0.9 * 22 = 69.8.
    expect(s.timeToContain).toEqual({ cases: 1, medianHours: 30, p90Hours: 30 });
    expect(s.timeToClose.medianHours).toBeCloseTo(61, 6);
    expect(s.timeToClose.p90Hours).toBeCloseTo(69.8, 6);
    expect(s.falseAlarms).toEqual({ closed: 2, cleared: 1, share: 0.5 });
    expect(s.overdueTasks.items.map((t) => t.id)).toEqual([data.taskIds.t1]);
    expect(s.overdueTasks.count).toBe(1);
    expect(s.referrals.byDestination).toEqual([
      {
        destination: "fbi_ic3",
        total: 1,
        byStatus: { draft: 0, submitted: 0, acknowledged: 0, closed: 1, declined: 0 },
      },
    ]);
    expect(s.referrals.overdue).toEqual({ count: 0, items: [] });
    expect(s.redFlags).toEqual([
      { code: "NO_VIDEO", count: 2 },
      { code: "VPN_ASTRILL", count: 2 },
    ]);
    // p1 and p3 are tied only through personas on Lead B's cases, which A may not see.
    expect(s.networks.items).toEqual([]);
  });

  it("names a network's members only while the reader may still see them", async () => {
    const reader = await makeActor("investigator");
    const lead = (key: string) => (["c1", "c2", "c5", "c7"].includes(key) ? data.a : data.b);
    const cases = ["c1", "c3", "c5", "c9"];
    for (const key of cases)
      await addMember({ actor: lead(key), caseId: data.caseIds[key]!, input: { userId: reader.id } });
    const before = await summaryFor(reader);
    expect(before.networks.items.map((n) => n.personas)).toEqual([4]);
    expect(before.networks.items[0]?.samplePersonas).toHaveLength(3);

    // Off the cases of p2 and p4: the graph behind the figure may still be the old one, but
    // their names must not come with it.
    for (const key of ["c3", "c9"])
      await removeMember({ actor: lead(key), caseId: data.caseIds[key]!, userId: reader.id });
    const after = await summaryFor(reader);
    const shown = after.networks.items.flatMap((n) => n.samplePersonas.map((p) => p.id));
    expect(shown).not.toContain(data.personaIds.p2);
    expect(shown).not.toContain(data.personaIds.p4);
  });

  it("an investigator with no cases sees zeros, not other people's work", async () => {
    const s = await summaryFor(await makeActor("investigator"));
    expect(s.totals).toEqual({ open: 0, opened: 0, closed: 0 });
    expect(s.timeToClose).toEqual({ cases: 0, medianHours: null, p90Hours: null });
    expect(s.falseAlarms.share).toBeNull();
    expect(s.overdueTasks).toEqual({ count: 0, items: [] });
    expect(s.options.teams).not.toContain(data.team);
  });

  it("legal sees the referred case without being a member", async () => {
    const s = await summaryFor(data.legal);
    expect(s.openCases).toEqual([{ status: "referred", severity: "critical", count: 1 }]);
    expect(s.referrals.overdue.items.map((r) => r.id)).toEqual([data.referralIds.r1]);
  });
});

describe("filters", () => {
  it("narrows by severity", async () => {
    const s = await summaryFor(data.manager, { severity: "critical,high" });
    expect(s.totals.open).toBe(4);
    const critical = await summaryFor(data.manager, { severity: "critical" });
    expect(critical.openCases.map((c) => c.status)).toEqual(["investigating", "referred"]);
    expect(critical.timeToContain).toEqual({ cases: 1, medianHours: 384, p90Hours: 384 });
  });

  it("matches the hiring channel ignoring case", async () => {
    const s = await summaryFor(data.manager, { channel: "acme staffing" });
    expect(s.totals).toEqual({ open: 2, opened: 2, closed: 0 });
    expect(s.options.channels).toEqual(expect.arrayContaining(["Acme Staffing"]));
  });

  it("limits the flow figures to the period", async () => {
    const s = await summaryFor(data.manager, { from: "2019-02-01", to: "2019-02-10" });
    expect(s.weekly.map((w) => [w.weekStart, w.opened, w.closed])).toEqual([
      ["2019-01-28", 1, 1],
      ["2019-02-04", 1, 1],
    ]);
    expect(s.totals.open).toBe(4);
    expect(s.timeToClose).toMatchObject({ cases: 2, medianHours: 37 });
  });

  it("defaults to the last 30 days and refuses a period that ends before it starts", async () => {
    const s = await getDashboardSummary({ actor: data.manager, query: {}, now: new Date("2026-03-10T12:00:00Z") });
    expect(s.period.days).toBe(30);
    await expect(summaryFor(data.manager, { from: "2019-02-01", to: "2019-01-01" })).rejects.toMatchObject({
      code: "bad_request",
      details: [{ path: "to", message: "The period ends before it starts" }],
    });
    await expect(summaryFor(data.manager, { severity: "dire" })).rejects.toMatchObject({ code: "bad_request" });
  });
});
