import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { createUser, signInViaApi, unique, type TestUser } from "./fixtures/api";
import { CasePage } from "./pages/case-page";

const ANSWER = "Your request was sent to the case lead if the case exists.";

async function signInAs(page: Page, user: TestUser): Promise<void> {
  await page.context().clearCookies();
  await signInViaApi(page, user);
}

async function openCase(page: Page, title: string): Promise<{ id: string; ref: string }> {
  const response = await page.request.post("/api/cases", { data: { title } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; ref: string };
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("legal review and access requests", () => {
  test("an investigator requests legal review; the lawyer finds the case on their queue and drafts a referral from the Referrals page", async ({
    page,
    request,
  }) => {
    const lead = await createUser(request, "investigator");
    const lawyer = await createUser(request, "legal", `Aaron Counsel ${unique("l").slice(-4)}`);
    await signInAs(page, lead);
    const kase = await openCase(page, `Laptop farm ${unique("case")}`);

    const casePage = new CasePage(page);
    await casePage.goto(kase.id);
    const ask = page.getByRole("form", { name: "Request legal review" });
    await ask.getByLabel("Request legal review from").selectOption({ label: lawyer.name });
    await ask.getByLabel("Message (optional)").fill("Payroll went to a wallet; ready for IC3.");
    await ask.getByRole("button", { name: "Request legal review" }).click();
    await expect(ask.getByText("Legal review requested from 1 lawyer.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Case members" })).toContainText(`${lawyer.name} · legal`);

    await signInAs(page, lawyer);
    await page.goto("/");
    await page.getByRole("link", { name: "Referral queue" }).click();
    await expect(page.getByRole("heading", { name: "Referral queue" })).toBeVisible();
    const queue = page.getByRole("table", { name: "Cases awaiting referral work" });
    await expect(queue.getByRole("link", { name: new RegExp(kase.ref) })).toBeVisible();
    await expectNoSeriousViolations(page);

    await page.getByRole("link", { name: "Referrals", exact: true }).click();
    await page.getByRole("button", { name: "New referral" }).click();
    await page.getByLabel("Find a case").fill(kase.ref);
    await expect(page.getByLabel("Case", { exact: true })).toHaveValue(kase.id);
    const form = page.getByRole("form", { name: "Create a referral" });
    await form.getByLabel("Agency contact (optional)").fill("IC3 intake");
    await form.getByRole("button", { name: "Create referral" }).click();
    await expect(page.getByText(`Referral drafted on ${kase.ref}.`)).toBeVisible();
    await expect(
      page
        .getByRole("main")
        .getByRole("link", { name: new RegExp(kase.ref) })
        .first(),
    ).toBeVisible();

    // A draft keeps the case on the queue, now with its draft counted.
    await page.goto("/referrals/queue");
    await expect(queue.getByRole("row", { name: new RegExp(kase.ref) })).toContainText("1 draft");
  });

  test("a visitor asks for access from the 404 page and the lead grants it", async ({ page, request }) => {
    const lead = await createUser(request, "investigator");
    const visitor = await createUser(request, "investigator", `Vera Visitor ${unique("v").slice(-4)}`);
    await signInAs(page, lead);
    const kase = await openCase(page, `Closed to visitors ${unique("case")}`);

    await signInAs(page, visitor);
    // A case that does not exist and one that is hidden look the same, request access included.
    const missing = await page.goto(`/cases/${randomUUID()}`);
    expect(missing?.status()).toBe(404);
    await page.getByRole("button", { name: "Request access" }).click();
    await expect(page.getByText(ANSWER)).toBeVisible();

    const hidden = await page.goto(`/cases/${kase.id}`);
    expect(hidden?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText(kase.ref)).toHaveCount(0);
    await expectNoSeriousViolations(page);
    await page.getByLabel(/tell its lead why/).fill("I handle the payroll side of this hire.");
    await page.getByRole("button", { name: "Request access" }).click();
    await expect(page.getByText(ANSWER)).toBeVisible();

    await signInAs(page, lead);
    const casePage = new CasePage(page);
    await casePage.goto(kase.id);
    const requests = page.getByRole("list", { name: "Requests for access" });
    await expect(requests).toContainText(visitor.name);
    await expect(requests).toContainText("I handle the payroll side of this hire.");
    await page.getByRole("button", { name: `Grant access to ${visitor.name}` }).click();
    await expect(page.getByRole("list", { name: "Case members" })).toContainText(`${visitor.name} · investigator`);
    await expect(page.getByRole("list", { name: "Requests for access" })).toHaveCount(0);

    await signInAs(page, visitor);
    await casePage.goto(kase.id);
    await expect(page.getByTestId("case-ref")).toHaveText(kase.ref);
  });
});
