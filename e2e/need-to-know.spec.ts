import { expect, type Page, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { PersonaPage } from "./pages/persona-page";

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

test.describe("need-to-know on shared identifiers", () => {
  test("what one investigator notes on a payment account never shows on another's persona page, either way", async ({
    page,
    request,
  }) => {
    const [alpha, bravo] = [await createUser(request, "investigator"), await createUser(request, "investigator")];
    const account = `payoneer:${unique("holder")}@example.test`;

    // Each records the same account on a persona of their own case, with their own notes on it.
    const record = async (user: typeof alpha, holder: string) => {
      await page.context().clearCookies();
      await signInViaApi(page, user);
      const kase = await post<{ id: string }>(page, "/api/cases", { title: `Payments ${unique("c")}` });
      const persona = await post<{ id: string }>(page, `/api/cases/${kase.id}/personas`, {
        persona: { displayName: `Holder ${unique("p")}` },
        role: "subject",
      });
      await post(page, `/api/personas/${persona.id}/identifiers`, {
        type: "payment_account",
        value: account,
        attributes: { holderName: holder },
      });
      return persona.id;
    };
    const alphaPersona = await record(alpha, "Alpha Secret Holder");
    const bravoPersona = await record(bravo, "Bravo Planted Holder");

    const personaPage = new PersonaPage(page);
    await personaPage.goto(bravoPersona);
    await expect(page.getByText("holderName: Bravo Planted Holder")).toBeVisible();
    await expect(page.getByText("Alpha Secret Holder")).toHaveCount(0);

    await page.context().clearCookies();
    await signInViaApi(page, alpha);
    await personaPage.goto(alphaPersona);
    await expect(page.getByText("holderName: Alpha Secret Holder")).toBeVisible();
    await expect(page.getByText("Bravo Planted Holder")).toHaveCount(0);
  });
});
