import { expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { e2eAdmin } from "./fixtures/env";
import { CasePage } from "./pages/case-page";

const asAdmin = () => ({ authorization: `Bearer ${e2eAdmin.token}` });

test.describe("case timeline", () => {
  test("dates recorded in the details and on an identifier line up in order, each entry opening its source", async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const lead = await createUser(request, "investigator");
    const created = await request.post("/api/cases", {
      headers: asAdmin(),
      data: { title: `Timeline ${unique("case")}`, leadId: lead.id, subject: { name: "Rey Vance" } },
    });
    expect(created.status(), await created.text()).toBe(201);
    const caseId = ((await created.json()) as { id: string }).id;
    await signInViaApi(page, lead);
    const casePage = new CasePage(page);
    await casePage.goto(caseId);

    // Reached from the keyboard: the tab list moves with the arrow keys (once the page is
    // interactive, hence the retry: keys pressed before hydration do nothing).
    await expect(async () => {
      await page.getByRole("tab", { name: "Overview" }).focus();
      await page.keyboard.press("End");
      await page.keyboard.press("ArrowLeft");
      await expect(page.getByRole("tab", { name: "Timeline" })).toHaveAttribute("aria-selected", "true", {
        timeout: 1_000,
      });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByText("Nothing in this case has a date of its own yet.")).toBeVisible();
    const entries = page.getByTestId("timeline-entry");
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toContainText("opened");

    // The subject's dates are recorded in the case details.
    await casePage.openTab("Overview");
    await page.getByRole("button", { name: "Edit details" }).click();
    const form = page.getByRole("form", { name: "Edit case details" });
    await form.getByLabel("Hired on").fill("2026-01-05");
    await form.getByLabel("Device shipped on").fill("2026-01-09");
    await form.getByLabel("First sign-in (your local time)").fill("2026-01-12T09:30");
    await form.getByLabel("Terminated on").fill("2026-03-02");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("button", { name: "Edit details" })).toBeVisible();

    const persona = await page.request.post("/api/personas", {
      data: { displayName: `Vance persona ${unique("p")}`, caseId },
    });
    expect(persona.status(), await persona.text()).toBe(201);
    const personaId = ((await persona.json()) as { id: string }).id;
    const wallet = `0x${"ab12".repeat(10)}`;
    const claim = await page.request.post(`/api/personas/${personaId}/identifiers`, {
      data: { type: "crypto_wallet", value: wallet, chain: "ethereum", observedAt: "2026-02-14T12:00:00Z" },
    });
    expect(claim.status(), await claim.text()).toBe(201);

    await casePage.openTab("Timeline");
    await expect(page.getByText("Nothing in this case has a date of its own yet.")).toHaveCount(0);
    await expect(entries).toHaveCount(6);
    const titles = await entries.getByRole("link").allTextContents();
    expect(titles.slice(0, 5)).toEqual([
      "Rey Vance hired",
      "Device shipped to Rey Vance",
      "Rey Vance's first sign-in",
      `Crypto wallet ${wallet} observed`,
      "Rey Vance terminated",
    ]);
    expect(titles[5]).toMatch(/^Case CASE-\d{4}-\d+ opened$/);

    // Each entry is a link to where it comes from, reached with Tab and opened with Enter.
    const observed = entries.getByRole("link", { name: `Crypto wallet ${wallet} observed` });
    await observed.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/personas/${personaId}$`));
  });
});
