import { randomInt } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { CasePage } from "./pages/case-page";
import { PersonaPage } from "./pages/persona-page";

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

const phoneDigits = () => `202${randomInt(200, 1000)}${String(randomInt(0, 10_000)).padStart(4, "0")}`;

test.describe("personas and the link graph", () => {
  test("two personas in two cases share a phone: correlation, link, graph, click through; then screening finds it", async ({
    page,
    request,
  }) => {
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const first = await post<{ id: string }>(page, "/api/cases", { title: `Phone case one ${unique("c")}` });
    const second = await post<{ id: string }>(page, "/api/cases", { title: `Phone case two ${unique("c")}` });
    const digits = phoneDigits();
    const nameA = `Avery ${unique("a")}`;
    const nameB = `Blake ${unique("b")}`;
    const personaA = await post<{ id: string }>(page, `/api/cases/${first.id}/personas`, {
      persona: { displayName: nameA },
      role: "subject",
    });
    await post(page, `/api/personas/${personaA.id}/identifiers`, {
      type: "phone",
      value: `+1 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`,
    });

    // The second persona is created from the second case's tab.
    const casePage = new CasePage(page);
    await casePage.goto(second.id);
    await casePage.openTab("Personas & graph");
    await page.getByRole("button", { name: "Create a persona in this case" }).click();
    const form = page.getByRole("form", { name: "Create a persona in this case" });
    await form.getByLabel("Display name").fill(nameB);
    await form.getByRole("button", { name: "Create persona" }).click();
    await page.getByRole("table", { name: "Personas in this case" }).getByRole("link", { name: nameB }).click();

    const personaPage = new PersonaPage(page);
    await expect(personaPage.name).toHaveText(nameB);
    await personaPage.addIdentifier("phone", `+1.${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`);
    const notice = page.getByRole("status").getByTestId("correlation-notice");
    await expect(notice).toContainText("Matches 1 other persona you can see");
    await expect(notice.getByRole("link", { name: nameA })).toBeVisible();

    const suggestion = page.getByTestId("link-suggestion").filter({ hasText: nameA });
    await suggestion.getByLabel("Relation").selectOption("same_person");
    await suggestion.getByRole("button", { name: "Confirm link" }).click();
    await expect(page.getByRole("table", { name: "Links" }).getByRole("link", { name: nameA })).toBeVisible();
    await expect(page.getByTestId("link-suggestion")).toHaveCount(0);

    const nodes = personaPage.graphNodes();
    await expect(nodes.getByRole("link", { name: nameA })).toBeVisible();
    await expect(nodes.getByRole("link", { name: nameB })).toBeVisible();
    await expect(nodes.getByRole("row").filter({ hasText: `+1${digits}` })).toHaveCount(1);
    await expect(personaPage.graphEdges().getByRole("row").filter({ hasText: "same person" })).toHaveCount(1);
    await expect(page.getByTestId("graph-canvas").locator("canvas").first()).toBeVisible();

    await nodes.getByRole("link", { name: nameA }).click();
    await expect(personaPage.name).toHaveText(nameA);

    await page.goto("/screen");
    const csv = `type,value\nphone,${digits.slice(0, 3)} ${digits.slice(3)}\nemail,${unique("nobody")}@example.test\n`;
    await page.getByLabel("Country for local phone numbers").fill("US");
    await page
      .getByLabel("Or upload a CSV")
      .setInputFiles({ name: "applicants.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByRole("status").filter({ hasText: "2 screened" })).toContainText(
      "2 screened: 1 already known",
    );
    const hit = page.getByTestId("screen-hit");
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText("Matches 2 personas you can see");
    await expect(hit.getByRole("link", { name: nameA })).toBeVisible();
  });

  test("a name with markup renders as text in the list, the details and the graph alternative", async ({
    page,
    request,
  }) => {
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const evil = `<img src=x onerror=alert(1)> ${unique("x")}`;
    const theCase = await post<{ id: string }>(page, "/api/cases", { title: "Markup in names" });
    const persona = await post<{ id: string }>(page, `/api/cases/${theCase.id}/personas`, {
      persona: { displayName: evil },
      role: "subject",
    });
    await post(page, `/api/personas/${persona.id}/identifiers`, {
      type: "email",
      value: `${unique("m")}@example.test`,
    });

    await page.goto(`/personas?q=${encodeURIComponent(evil.slice(-10))}`);
    await expect(page.getByRole("table", { name: "Personas" }).getByRole("link", { name: evil })).toBeVisible();
    // The whole row opens the persona: a click on its identifier count, not the name, gets there.
    await page
      .getByTestId("persona-row")
      .filter({ hasText: evil.slice(-10) })
      .getByRole("cell")
      .nth(6)
      .click();
    await expect(page).toHaveURL(new RegExp(`/personas/${persona.id}$`));
    const personaPage = new PersonaPage(page);
    await expect(personaPage.name).toHaveText(evil);
    await expect(personaPage.name).toHaveText(evil);
    await expect(personaPage.graphNodes().getByRole("link", { name: evil })).toBeVisible();
    // Counts in the singular where there is one.
    await expect(page.getByText("1 persona, 1 identifier, 1 edge", { exact: true })).toBeVisible();
    await expect(page.locator("img[src='x']")).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  test("a national phone number without a country is refused once, in words, and accepted with the country", async ({
    page,
    request,
  }) => {
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const persona = await post<{ id: string }>(page, "/api/personas", { displayName: `Phone ${unique("p")}` });
    const personaPage = new PersonaPage(page);
    await personaPage.goto(persona.id);
    const form = page.getByRole("form", { name: "Add an identifier" });
    await personaPage.addIdentifier("phone", "020 7946 0958");
    await expect(form.getByText(/no country code/)).toHaveCount(1);
    await expect(form).not.toContainText("defaultCountry");
    await form.getByLabel("Country if no +code").fill("GB");
    await form.getByRole("button", { name: "Add identifier" }).click();
    await expect(page.getByRole("table", { name: "Identifiers" })).toContainText("+442079460958");
  });
});
