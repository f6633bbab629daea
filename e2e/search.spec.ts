import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";

test.describe("search in the top bar", () => {
  test("a name typed without its accents, and a wallet pasted in another case, find the persona; Enter shows every result", async ({
    page,
  }) => {
    const investigator = await createUser(page.request, "investigator");
    await signInViaApi(page, investigator);
    const created = await page.request.post("/api/cases", { data: { title: `Search ${unique("c")}` } });
    const { id: caseId } = (await created.json()) as { id: string };
    const surname = unique("demović").replace(/[^a-zćA-Z0-9]/g, "");
    const name = `Marko ${surname}`;
    const persona = await page.request.post(`/api/cases/${caseId}/personas`, {
      data: { persona: { displayName: name }, role: "subject" },
    });
    const { id: personaId } = (await persona.json()) as { id: string };
    const wallet = `0x${randomBytes(20).toString("hex")}`;
    const added = await page.request.post(`/api/personas/${personaId}/identifiers`, {
      data: { type: "crypto_wallet", value: wallet },
    });
    expect(added.status()).toBe(201);

    await page.goto("/cases");
    // "/" jumps to the search box from anywhere on the page.
    await page.locator("body").press("/");
    const box = page.getByRole("combobox", { name: "Search" });
    await expect(box).toBeFocused();
    await box.fill(`marko ${surname.replace("ć", "c")}`);
    const results = page.getByRole("listbox", { name: "Search results" });
    await expect(results.getByRole("option", { name: new RegExp(name) })).toBeVisible();
    await box.press("ArrowDown");
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/personas/${personaId}$`));
    await expect(page.getByTestId("persona-name")).toHaveText(name);

    await box.fill(wallet.toUpperCase().replace("0X", "0x"));
    await expect(results.getByRole("group", { name: "Identifiers" })).toContainText(`Crypto wallet ${wallet}`);
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByTestId("read-as")).toHaveText(`Read as Crypto wallet ${wallet}`);
    const personas = page.getByRole("list", { name: "Personas" });
    await expect(personas.getByRole("link", { name })).toBeVisible();
    await expect(personas.getByTestId("search-result")).toContainText(`Holds crypto wallet ${wallet}`);

    // The results page and the open list pass an accessibility scan.
    await box.fill(`marko ${surname.replace("ć", "c")}`);
    await box.press("ArrowDown");
    await expect(results.getByRole("option", { selected: true })).toContainText(name);
    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

test.describe("search in the case list", () => {
  test("a word typed without its accents and a pasted wallet of one of its personas find the case", async ({
    page,
  }) => {
    const investigator = await createUser(page.request, "investigator");
    await signInViaApi(page, investigator);
    const word = unique("zurich").replace(/[^a-z0-9]/gi, "");
    const title = `Résumé recycled in Zürich ${word}`;
    const created = await page.request.post("/api/cases", { data: { title } });
    const { id: caseId } = (await created.json()) as { id: string };
    const persona = await page.request.post(`/api/cases/${caseId}/personas`, {
      data: { persona: { displayName: `Payee ${word}` }, role: "subject" },
    });
    const { id: personaId } = (await persona.json()) as { id: string };
    const wallet = `0x${randomBytes(20).toString("hex")}`;
    await page.request.post(`/api/personas/${personaId}/identifiers`, {
      data: { type: "crypto_wallet", value: wallet },
    });

    await page.goto("/cases");
    const box = page.getByRole("searchbox", { name: "Search" });
    const table = page.getByRole("table", { name: "Cases" });
    const searchFor = async (q: string) => {
      await box.fill(q);
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(new RegExp(`q=${q.split(" ")[0]}`));
    };
    await searchFor(`resume zurich ${word}`);
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText(title);

    await searchFor(wallet.toUpperCase().replace("0X", "0x"));
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText(title);
    await searchFor(`0x${randomBytes(20).toString("hex")}`);
    await expect(page.getByText(title)).toHaveCount(0);
  });
});
