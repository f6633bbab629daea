import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { makePdf } from "../lib/intake/samples";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { EvidencePage } from "./pages/evidence-page";
import { PersonaPage } from "./pages/persona-page";

test.describe("text and identifiers out of evidence", () => {
  test("an uploaded résumé's text and identifiers show on its page; one added to a persona keeps the exhibit and page as its source", async ({
    page,
  }) => {
    const investigator = await createUser(page.request, "investigator");
    await signInViaApi(page, investigator);
    const created = await page.request.post("/api/cases", { data: { title: `Résumé intake ${unique("c")}` } });
    const { id: caseId } = (await created.json()) as { id: string };
    const personaName = `Kim ${unique("p")}`;
    const persona = await page.request.post(`/api/cases/${caseId}/personas`, {
      data: { persona: { displayName: personaName }, role: "subject" },
    });
    const { id: personaId } = (await persona.json()) as { id: string };

    const wallet = `0x${randomBytes(20).toString("hex")}`;
    const email = `${unique("kim.sm")}@example.org`;
    const pdf = await makePdf(
      [`Kim Sang Man\nSenior Solidity Engineer\n${email}`, `Payroll\nPlease pay USDT to ${wallet}`],
      "Résumé",
    );
    const evidence = new EvidencePage(page);
    await evidence.gotoCaseTab(caseId);
    await evidence.addFiles([{ name: "resume.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) }]);
    await page.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(evidence.uploadItem("resume.pdf").getByText(/Stored as E-001/)).toBeVisible();
    await evidence.openItem("resume");

    // Read in the background: the page shows it as soon as the job is done.
    const text = page.getByTestId("evidence-text");
    await expect(text).toContainText("Senior Solidity Engineer", { timeout: 30_000 });
    await page.getByRole("navigation", { name: "Pages of text" }).getByRole("button", { name: "Next" }).click();
    await expect(text).toContainText(`Please pay USDT to ${wallet}`);

    const found = page.getByRole("list", { name: "Identifiers found" });
    const walletRow = found.getByTestId("mention").filter({ hasText: wallet });
    await expect(walletRow).toContainText("p. 2");
    await expect(found.getByTestId("mention").filter({ hasText: email })).toBeVisible();

    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    await walletRow.getByRole("button", { name: "Add to persona…" }).click();
    const form = walletRow.getByRole("form", { name: `Add ${wallet} to a persona` });
    await form.getByRole("button", { name: "Add" }).click();
    await expect(form.getByRole("alert")).toHaveText("Choose the persona it belongs to");
    await form.getByLabel("Persona").selectOption({ label: personaName });
    await form.getByRole("button", { name: "Add" }).click();
    await expect(walletRow.getByRole("status")).toHaveText(`Added to ${personaName}`);
    // Now known: the mention names the persona that holds it.
    await expect(walletRow.getByRole("link", { name: personaName })).toBeVisible();

    const personaPage = new PersonaPage(page);
    await personaPage.goto(personaId);
    const row = page.getByRole("table", { name: "Identifiers" }).getByRole("row").filter({ hasText: wallet });
    const source = row.getByTestId("identifier-source");
    await expect(source).toHaveText("E-001 p. 2");
    await source.click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("resume");
  });
});
