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

test.describe("reviewing possible matches", () => {
  test("a Gmail variant and a phone in another notation make a pair; confirmed from the keyboard it leaves the queue and shows as a link", async ({
    page,
    request,
  }) => {
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const theCase = await post<{ id: string }>(page, "/api/cases", { title: `Review case ${unique("c")}` });
    const nameA = `Avery ${unique("a")}`;
    const nameB = `Morgan ${unique("b")}`;
    const a = await post<{ id: string }>(page, `/api/cases/${theCase.id}/personas`, {
      persona: { displayName: nameA },
      role: "subject",
    });
    const b = await post<{ id: string }>(page, `/api/cases/${theCase.id}/personas`, {
      persona: { displayName: nameB },
      role: "subject",
    });
    const user = `jdoe${randomInt(1e8, 1e9)}`;
    const digits = `202${randomInt(200, 1000)}${String(randomInt(0, 10_000)).padStart(4, "0")}`;
    await post(page, `/api/personas/${a.id}/identifiers`, { type: "email", value: `${user}@gmail.com` });
    await post(page, `/api/personas/${b.id}/identifiers`, {
      type: "email",
      value: `${user.slice(0, 1)}.${user.slice(1)}+jobs@googlemail.com`,
    });
    await post(page, `/api/personas/${a.id}/identifiers`, {
      type: "phone",
      value: `+1 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`,
    });
    await post(page, `/api/personas/${b.id}/identifiers`, {
      type: "phone",
      value: `+1.${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`,
    });

    await page.goto("/");
    await page.getByRole("link", { name: "Review matches" }).click();
    await expect(page.getByRole("heading", { name: "Review matches" })).toBeVisible();
    const pair = page.getByRole("region", { name: new RegExp(`${nameA}|${nameB}`) });
    await expect(pair).toHaveCount(1);
    // What matched, side by side: each persona's own spelling of the mailbox and the phone.
    const matched = pair.getByRole("table", { name: /What matched/ });
    await expect(matched).toContainText(`${user}@gmail.com`);
    await expect(matched).toContainText(`${user.slice(0, 1)}.${user.slice(1)}+jobs@googlemail.com`);
    await expect(matched).toContainText("Phone");
    await expect(pair).toContainText(/Score \d+/);
    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(scan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // A decision without a reason is refused in place, and the reason field takes the focus.
    await pair.getByRole("button", { name: /^Confirm/ }).click();
    await expect(pair.getByRole("alert")).toContainText("Say why");
    await expect(pair.getByLabel("Reason for the decision")).toBeFocused();

    // From the keyboard: the reason, then Tab to Confirm and Enter.
    await page.keyboard.type("Same mailbox and phone, same writing style");
    await page.keyboard.press("Tab");
    await expect(pair.getByRole("button", { name: /^Confirm/ })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page.getByRole("region", { name: new RegExp(`${nameA}|${nameB}`) })).toHaveCount(0);
    await expect(page.getByText("No possible matches to review")).toBeVisible();

    const personaPage = new PersonaPage(page);
    await personaPage.goto(a.id);
    const links = page.getByRole("table", { name: "Links" });
    await expect(links.getByRole("link", { name: nameB })).toBeVisible();
    await expect(links).toContainText("Confirmed");
    await expect(links).toContainText("Same mailbox and phone, same writing style");
  });

  test("an empty queue says what to do; a bad page is refused; a manager gets no queue", async ({ page, request }) => {
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    await page.goto("/review");
    await expect(page.getByText("No possible matches to review")).toBeVisible();
    const bad = await page.request.get("/api/review/candidates?page=0");
    expect(bad.status()).toBe(400);

    const manager = await createUser(request, "manager");
    await signInViaApi(page, manager);
    const refused = await page.goto("/review");
    expect(refused?.status()).toBe(404);
    expect((await page.request.get("/api/review/candidates")).status()).toBe(403);
  });
});
