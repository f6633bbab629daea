import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";

async function openCase(page: Page, data: Record<string, unknown>): Promise<void> {
  const response = await page.request.post("/api/cases", { data });
  expect(response.status(), await response.text()).toBe(201);
}

test.describe("saved views of the case list", () => {
  test("a filter saved under a name and shared opens for a colleague; only its owner deletes it", async ({
    browser,
    page,
    request,
  }) => {
    const owner = await createUser(request, "investigator");
    await signInViaApi(page, owner);
    const tag = unique("payroll").replace(/-/g, "");
    const highTitle = `High ${unique("c")}`;
    const lowTitle = `Low ${unique("c")}`;
    await openCase(page, { title: highTitle, severity: "high", tags: [tag] });
    await openCase(page, { title: lowTitle, severity: "low", tags: [tag] });

    await page.goto(`/cases?tag=${tag}&severity=high`);
    const table = page.getByRole("table");
    await expect(table).toContainText(highTitle);
    await expect(table).not.toContainText(lowTitle);
    const form = page.getByRole("form", { name: "Save this view" });
    await expect(form.getByRole("button", { name: "Save view" })).toBeDisabled();
    const name = `High payroll ${unique("v")}`;
    await form.getByLabel("Save the filter on screen as").fill(name);
    await form.getByLabel(/Share with the team/).check();
    await form.getByRole("button", { name: "Save view" }).click();
    const views = page.getByRole("list", { name: "Saved views" });
    const mine = views.getByTestId("saved-view").filter({ hasText: name });
    await expect(mine).toContainText("Shared");
    await expect(mine.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    // The same name again is refused, in words.
    await form.getByLabel("Save the filter on screen as").fill(name.toUpperCase());
    await form.getByRole("button", { name: "Save view" }).click();
    await expect(page.getByText("You already have a view with this name")).toBeVisible();

    // A colleague sees it as shared by the owner and opens it on their own cases.
    const context = await browser.newContext();
    const colleaguePage = await context.newPage();
    const colleague = await createUser(request, "investigator");
    await signInViaApi(colleaguePage, colleague);
    await colleaguePage.goto("/cases");
    const shared = colleaguePage
      .getByRole("list", { name: "Saved views" })
      .getByTestId("saved-view")
      .filter({ hasText: name });
    await expect(shared).toContainText(`Shared by ${owner.name}`);
    await expect(shared.getByRole("button", { name: `Delete view ${name}` })).toHaveCount(0);
    await shared.getByRole("link", { name }).click();
    await expect(colleaguePage).toHaveURL(new RegExp(`tag=${tag}`));
    await expect(colleaguePage.getByLabel("Tag")).toHaveValue(tag);
    // The owner's cases are not the colleague's: the view filters within what each may see.
    await expect(colleaguePage.getByRole("table")).not.toContainText(highTitle);
    await context.close();

    // Opened from elsewhere, the owner's view brings the filter back; then it is deleted.
    await page.goto("/cases");
    await expect(page.getByRole("table")).toContainText(lowTitle);
    await mine.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`severity=high`));
    await expect(page.getByRole("table")).not.toContainText(lowTitle);
    await mine.getByRole("button", { name: `Delete view ${name}` }).click();
    await expect(views.getByTestId("saved-view").filter({ hasText: name })).toHaveCount(0);
  });
});
