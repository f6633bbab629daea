import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique, type TestUser } from "./fixtures/api";
import { DashboardPage } from "./pages/dashboard-page";

/** Opens cases as an investigator in a team of their own, so the dashboard can be narrowed to them. */
async function openCases(browser: Browser, investigator: TestUser, team: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInViaApi(page, investigator);
  const refs: string[] = [];
  for (const [severity, investigating] of [
    ["critical", false],
    ["critical", false],
    ["high", true],
  ] as const) {
    const response = await page.request.post("/api/cases", {
      data: { title: `Dashboard ${team} ${severity}`, severity, subject: { team } },
    });
    expect(response.status(), await response.text()).toBe(201);
    const created = (await response.json()) as { id: string; ref: string };
    refs.push(created.ref);
    if (investigating)
      expect(
        (await page.request.post(`/api/cases/${created.id}/transition`, { data: { to: "investigating" } })).status(),
      ).toBe(200);
  }
  await context.close();
  return refs;
}

test.describe("dashboard", () => {
  test("a manager reads the charts, changes the period and follows a segment to the matching cases", async ({
    page,
    browser,
    request,
  }) => {
    const team = unique("team");
    const refs = await openCases(browser, await createUser(request, "investigator"), team);
    const manager = await createUser(request, "manager");
    await signInViaApi(page, manager);
    const dashboard = new DashboardPage(page);

    await dashboard.goto(`team=${team}`);
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Open cases by status and severity" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Opened and closed per week" })).toBeVisible();
    await expect(dashboard.chart("open-cases").locator("svg.recharts-surface").first()).toBeVisible();
    await expect(dashboard.segment("open-cases", "triage:critical")).toBeVisible();
    await expect(dashboard.segment("open-cases", "investigating:high")).toBeVisible();
    await expect(dashboard.summaryText).toContainText("Open now: 3 (triage 2, investigating 1)");
    await expect(dashboard.period).toHaveValue("30d");

    // The numbers behind a chart, as a table and as CSV.
    await dashboard.chart("open-cases").getByText("Show the numbers").click();
    const table = dashboard.chart("open-cases").getByRole("table", { name: "Open cases by status and severity" });
    await expect(table.getByRole("row", { name: /Triage/ })).toContainText("2");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      dashboard
        .chart("open-cases")
        .getByRole("button", { name: /Download CSV/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe("open-cases.csv");
    const text = fs.readFileSync(await download.path(), "utf8");
    expect(text.startsWith("\uFEFF"), "a byte-order mark, so spreadsheets read UTF-8").toBe(true);
    const csv = text.trim().split(/\r?\n/);
    expect(csv[0]).toBe("Status,Critical,High,Medium,Low,Total");
    expect(csv).toContain("Triage,2,0,0,0,2");
    expect(csv).toContain("Investigating,0,1,0,0,1");

    await dashboard.period.selectOption({ label: "Last 7 days" });
    await expect(page).toHaveURL(/period=7d/);
    await expect(page).toHaveURL(new RegExp(`team=${team}`));
    await expect(page.getByText(/\(7 days\), every case/)).toBeVisible();
    await expect(dashboard.summaryText).toContainText("(7 days)");
    await page.reload();
    await expect(dashboard.period).toHaveValue("7d");

    await dashboard.segment("open-cases", "triage:critical").click();
    // The dashboard's team filter comes along, so the list shows the cases the segment counted.
    await expect(page).toHaveURL(new RegExp(`/cases\\?status=triage&severity=critical&team=${team}$`));
    await expect(page.getByLabel("Team", { exact: true })).toHaveValue(team);
    // Exactly the two the segment counted, though other teams have triage critical cases too.
    await expect(page.getByText("2 cases", { exact: true })).toBeVisible();
    const list = page.getByRole("table", { name: "Cases" });
    for (const ref of refs.slice(0, 2)) await expect(list.getByRole("link", { name: ref })).toBeVisible();
    await expect(list.getByRole("link", { name: refs[2]! })).toHaveCount(0);
    await expect(page.getByLabel("Status")).toHaveValue("triage");
  });

  test("a custom period that ends before it starts says so, and resetting the filters brings the figures back", async ({
    page,
    request,
  }) => {
    await signInViaApi(page, await createUser(request, "manager"));
    await page.goto("/?period=custom&from=2026-11-30&to=2026-11-01");
    const alert = page.getByRole("alert").filter({ hasText: "The period ends before it starts" });
    await expect(alert).toBeVisible();
    await expect(page.getByText("Invalid query parameters")).toHaveCount(0);
    await alert.getByRole("button", { name: "Reset the filters" }).click();
    await expect(page.getByRole("heading", { name: "Open cases by status and severity" })).toBeVisible();
  });

  test("the dashboard passes an accessibility scan, with its data tables open", async ({ page, request }) => {
    await signInViaApi(page, await createUser(request, "manager"));
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Open cases by status and severity" })).toBeVisible();
    for (const summary of await page.getByText("Show the numbers").all()) await summary.click();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("the red-flag axis labels wrap to two lines at most, do not overlap, and carry their full text", async ({
    page,
    browser,
    request,
  }) => {
    const team = unique("team");
    const context = await browser.newContext();
    const investigatorPage = await context.newPage();
    await signInViaApi(investigatorPage, await createUser(request, "investigator"));
    const created = await investigatorPage.request.post("/api/cases", {
      data: { title: `Flags ${team}`, severity: "high", subject: { team } },
    });
    const { id: caseId } = (await created.json()) as { id: string };
    const persona = await investigatorPage.request.post(`/api/cases/${caseId}/personas`, {
      data: { persona: { displayName: `Flagged ${unique("p")}` }, role: "subject" },
    });
    const { id: personaId } = (await persona.json()) as { id: string };
    const codes = ["VIDEO_MISMATCH", "TIMEZONE_MISMATCH", "SHARED_BANK", "IMPOSSIBLE_TRAVEL", "SHIP_ADDRESS_CHANGE"];
    for (const code of codes) {
      const flagged = await investigatorPage.request.post(`/api/personas/${personaId}/red-flags`, { data: { code } });
      expect(flagged.status(), await flagged.text()).toBe(201);
    }
    await context.close();

    await signInViaApi(page, await createUser(request, "manager"));
    await new DashboardPage(page).goto(`team=${team}`);
    const labels = new DashboardPage(page).chart("red-flags").locator("[data-axis-label]");
    await expect(labels).toHaveCount(codes.length);
    const long = labels.filter({
      has: page.locator("title", { hasText: "Interviewee differs from worker or looks altered" }),
    });
    await expect(long.locator("tspan")).toHaveCount(2);
    const boxes = [];
    for (const label of await labels.all()) {
      expect(await label.locator("tspan").count()).toBeLessThanOrEqual(2);
      expect(await label.locator("title").textContent()).toBe(await label.getAttribute("data-axis-label"));
      boxes.push((await label.boundingBox())!);
    }
    const chart = (await new DashboardPage(page)
      .chart("red-flags")
      .locator("svg.recharts-surface")
      .first()
      .boundingBox())!;
    for (const [i, a] of boxes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(chart.x);
      for (const b of boxes.slice(i + 1)) expect(a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    }
  });

  test("an investigator gets the printable report of their own cases", async ({ page, browser, request }) => {
    const team = unique("team");
    const investigator = await createUser(request, "investigator");
    await openCases(browser, investigator, team);
    await signInViaApi(page, investigator);
    await page.goto(`/?team=${team}&period=90d`);
    await expect(page.getByText(/the cases you work on/).first()).toBeVisible();
    await page.getByRole("link", { name: "Printable report" }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/print\\?team=${team}&period=90d`));
    await expect(page.getByRole("heading", { name: "Investigations status report" })).toBeVisible();
    await expect(page.getByText(/\(90 days\)/)).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  });
});

test.describe("dates in the reader's locale and time zone", () => {
  test.use({ locale: "en-GB", timezoneId: "Asia/Seoul" });

  test("the dashboard and the case list write dates the British way, times in Seoul time with the zone named, without a hydration error", async ({
    page,
    request,
  }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const title = `Dates ${unique("d")}`;
    expect((await page.request.post("/api/cases", { data: { title } })).status()).toBe(201);

    await page.goto("/");
    await expect(
      page.getByText(/Figures as of \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} GMT\+9, refreshed/),
    ).toBeVisible();
    await page.goto(`/cases?q=${encodeURIComponent(title)}`);
    const row = page.getByRole("table", { name: "Cases" }).getByRole("row").filter({ hasText: title });
    await expect(row.locator("time").first()).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(errors).toEqual([]);
  });
});
