import { expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { PersonaPage } from "./pages/persona-page";

test.describe("phone numbers without a country code", () => {
  test("the persona's claimed country is offered as the region, and used when the field is left empty", async ({
    page,
    request,
  }) => {
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const created = await page.request.post("/api/personas", {
      data: { displayName: `Londoner ${unique("p")}`, claimedLocation: "London, United Kingdom" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const personaPage = new PersonaPage(page);
    await personaPage.goto(id);
    const form = page.getByRole("form", { name: "Add an identifier" });
    await form.getByLabel("Type").selectOption("phone");
    const region = form.getByLabel("Country if no +code");
    await expect(region).toHaveValue("GB");
    await expect(form).toContainText("GB: where the persona claims to be");
    await form.getByLabel("Value").fill("020 7946 0958");
    await form.getByRole("button", { name: "Add identifier" }).click();
    const identifiers = page.getByRole("table", { name: "Identifiers" });
    await expect(identifiers).toContainText("+442079460958");

    // Emptied, the API still reads the number in the claimed country.
    await form.getByLabel("Type").selectOption("phone");
    await form.getByLabel("Country if no +code").fill("");
    await form.getByLabel("Value").fill("020 7946 0959");
    await form.getByRole("button", { name: "Add identifier" }).click();
    await expect(identifiers).toContainText("+442079460959");
  });
});
