import path from "node:path";
import { expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { PersonaPage } from "./pages/persona-page";

const snapshot = path.join(process.cwd(), "reference-data/sanctions/ofac-sdn-2024-05-03.csv");

test.describe("sanctions screening", () => {
  test.use({ locale: "en-GB" });

  test("an admin imports the SDN list; a persona given a listed wallet shows the hit with the list version", async ({
    browser,
    page,
    request,
  }) => {
    const admin = await createUser(request, "admin");
    await signInViaApi(page, admin);
    await page.goto("/admin");
    const form = page.getByRole("form", { name: "Import a sanctions list" });
    // No file: the form says so and nothing is imported.
    await form.getByRole("button", { name: "Import list" }).click();
    await expect(form.getByText("Choose the list file")).toBeVisible();

    await form.getByLabel("sdn.csv").setInputFiles(snapshot);
    await form.getByRole("button", { name: "Import list" }).click();
    const versions = page.getByRole("table", { name: "Sanctions list versions" });
    const row = versions.getByTestId("sanctions-list-row").filter({ hasText: "ofac-sdn-2024-05-03.csv" });
    await expect(row).toContainText("done", { timeout: 30_000 });
    await expect(row).toContainText("14,965 entries");
    await expect(row).toContainText("3 May 2024");

    // The same file again changes nothing.
    await form.getByLabel("sdn.csv").setInputFiles(snapshot);
    await form.getByRole("button", { name: "Import list" }).click();
    await expect(form.getByText("This file was imported before: nothing changed.")).toBeVisible();
    await expect(versions.getByTestId("sanctions-list-row").filter({ hasText: "ofac-sdn-2024-05-03.csv" })).toHaveCount(
      1,
    );

    const context = await browser.newContext({ locale: "en-GB" });
    const investigatorPage = await context.newPage();
    const investigator = await createUser(request, "investigator");
    await signInViaApi(investigatorPage, investigator);
    const theCase = await investigatorPage.request.post("/api/cases", { data: { title: `Payroll ${unique("c")}` } });
    const { id: caseId } = (await theCase.json()) as { id: string };
    const created = await investigatorPage.request.post(`/api/cases/${caseId}/personas`, {
      data: { persona: { displayName: `Payroll contact ${unique("p")}` }, role: "subject" },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const persona = new PersonaPage(investigatorPage);
    await persona.goto(id);
    await expect(
      investigatorPage.getByText("Neither the name nor an identifier of this persona is on a current list."),
    ).toBeVisible();
    const identifierForm = investigatorPage.getByRole("form", { name: "Add an identifier" });
    await identifierForm.getByLabel("Type").selectOption("crypto_wallet");
    await identifierForm.getByLabel("Value").fill("0x97B1043ABD9E6FC31681635166D430A458D14F9C");
    await identifierForm.getByRole("button", { name: "Add identifier" }).click();
    const hit = investigatorPage.getByRole("article", { name: "Sanctions hit: KIM, Sang Man" });
    await expect(hit).toContainText("DPRK4");
    await expect(hit).toContainText("Wallet: 0x97B1043ABD9E6FC31681635166D430A458D14F9C");
    await expect(hit).toContainText("OFAC SDN (CSV), published 3 May 2024");
    // Raised by the system at once: the red flag, and the case's "Do not pay" task.
    await expect(investigatorPage.getByText("Identifier on a sanctions list")).toBeVisible();
    await investigatorPage.goto(`/cases/${caseId}?tab=remediation`);
    await expect(
      investigatorPage.getByTestId("task").filter({ hasText: "Do not pay: consult counsel on blocking and reporting" }),
    ).toBeVisible();
    // The investigator's dashboard counts the hit among the open cases they work on.
    await investigatorPage.goto("/");
    const figure = investigatorPage
      .locator("div")
      .filter({ has: investigatorPage.getByText("Sanctions hits", { exact: true }) })
      .last();
    await expect(figure.locator("dd").first()).toHaveText("1");
    await context.close();
  });

  test("an investigator dismisses a name hit with a reason, it stays dismissed after a reload, and re-opens it", async ({
    browser,
    request,
  }) => {
    // A made-up listed person, in a FollowTheMoney list of its own (another source than the SDN list).
    const surname = `Kim${[...unique("x").slice(2)].map((c) => String.fromCharCode(97 + (parseInt(c, 16) % 26))).join("")}`;
    const listedName = `Chol ${surname}`;
    const admin = await createUser(request, "admin");
    const adminContext = await browser.newContext({ locale: "en-GB" });
    const adminPage = await adminContext.newPage();
    await signInViaApi(adminPage, admin);
    const entity = { id: `e2e-${surname}`, schema: "Person", properties: { name: [listedName] }, datasets: ["e2e"] };
    const imported = await adminPage.request.post("/api/sanctions/lists", {
      multipart: {
        source: "ftm",
        publishedAt: "2026-12-04",
        file: {
          name: `${surname}.ftm.json`,
          mimeType: "application/json",
          buffer: Buffer.from(JSON.stringify(entity)),
        },
      },
    });
    expect(imported.status()).toBe(202);
    const { id: listId } = (await imported.json()) as { id: string };
    await expect
      .poll(async () => {
        const lists = (await (await adminPage.request.get("/api/sanctions/lists")).json()) as {
          items: { id: string; status: string }[];
        };
        return lists.items.find((l) => l.id === listId)?.status;
      })
      .toBe("done");
    await adminContext.close();

    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const investigator = await createUser(request, "investigator", `E2E Dismisser ${surname.slice(-4)}`);
    await signInViaApi(page, investigator);
    const theCase = await page.request.post("/api/cases", { data: { title: `Applicant ${unique("c")}` } });
    const { id: caseId } = (await theCase.json()) as { id: string };
    const created = await page.request.post(`/api/cases/${caseId}/personas`, {
      data: { persona: { displayName: `${surname} Chol` }, role: "subject" },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const persona = new PersonaPage(page);
    await persona.goto(id);

    const hit = page.getByRole("article", { name: `Sanctions hit: ${listedName}` });
    await expect(hit).toContainText("Score 70");
    await hit.getByRole("button", { name: "Dismiss as false positive" }).click();
    const reason = "Different date of birth: passport scan shows 1994, listed person born 1961";
    // No reason: the browser refuses the form and nothing is dismissed.
    await hit.getByRole("button", { name: "Dismiss", exact: true }).click();
    await expect(hit.getByRole("button", { name: "Dismiss", exact: true })).toBeVisible();
    await hit.getByLabel("Why is this not the listed person?").fill(reason);
    await hit.getByRole("button", { name: "Dismiss", exact: true }).click();
    await expect(hit).toContainText(`Dismissed as a false positive by ${investigator.name}`);
    await expect(hit).toContainText(reason);

    await page.reload();
    await expect(hit).toContainText(`Dismissed as a false positive by ${investigator.name}`);
    await hit.getByRole("button", { name: "Re-open" }).click();
    await expect(hit.getByRole("button", { name: "Dismiss as false positive" })).toBeVisible();
    await expect(hit).not.toContainText("Dismissed as a false positive");
    await context.close();
  });
});
