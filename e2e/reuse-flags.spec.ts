import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { PersonaPage } from "./pages/persona-page";

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

test.describe("identifier reuse", () => {
  test("a phone a confirmed persona holds flags the persona at once; the flag goes only with a reason", async ({
    page,
    request,
  }) => {
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const theCase = await post<{ id: string }>(page, "/api/cases", { title: `Reuse ${unique("c")}` });
    const phone = `+1 202 ${randomInt(200, 1000)} ${String(randomInt(0, 10_000)).padStart(4, "0")}`;
    const operatorName = `Operator ${unique("o")}`;
    const operator = await post<{ id: string }>(page, `/api/cases/${theCase.id}/personas`, {
      persona: { displayName: operatorName, status: "confirmed" },
      role: "subject",
    });
    await post(page, `/api/personas/${operator.id}/identifiers`, { type: "phone", value: phone });
    const persona = await post<{ id: string }>(page, `/api/cases/${theCase.id}/personas`, {
      persona: { displayName: `Applicant ${unique("a")}` },
      role: "subject",
    });

    const personaPage = new PersonaPage(page);
    await personaPage.goto(persona.id);
    await expect(page.getByText("No red flags recorded.")).toBeVisible();
    await personaPage.addIdentifier("phone", phone);

    const flags = page.getByRole("table", { name: "Red flags and their weights" });
    const row = flags.getByRole("row").filter({ hasText: "REUSED_IDENTIFIER" });
    await expect(row).toContainText("Identifier already seen on another persona");
    await expect(row).toContainText("with a confirmed persona");
    await expect(row).toContainText("System");
    await expect(row.getByRole("link", { name: operatorName })).toHaveAttribute("href", `/personas/${operator.id}`);
    await expect(page.getByText("Risk score").first()).toBeVisible();
    await expect(flags).toContainText("Score 20 of 100");

    // Removing what the system found needs a reason.
    await row.getByRole("button", { name: "Remove REUSED_IDENTIFIER" }).click();
    const removal = row.getByRole("form", { name: "Remove REUSED_IDENTIFIER" });
    await expect(removal.getByRole("button", { name: "Remove flag" })).toBeDisabled();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await removal.getByLabel("Why is it wrong?").fill("The number is the staffing agency's switchboard");
    await removal.getByRole("button", { name: "Remove flag" }).click();
    await expect(page.getByText("No red flags recorded.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("No red flags recorded.")).toBeVisible();
  });
});
