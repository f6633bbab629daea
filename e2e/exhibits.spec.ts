import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { EvidencePage } from "./pages/evidence-page";
import { PersonaPage } from "./pages/persona-page";
import { RemediationTab } from "./pages/remediation-tab";

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

const textFile = (name: string, text: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(text) });

test.describe("exhibits by number", () => {
  test("an upload identical to an exhibit of the case says which one; one copy is kept with a reason, another dropped", async ({
    page,
  }) => {
    const investigator = await createUser(page.request, "investigator");
    await signInViaApi(page, investigator);
    const { id: caseId } = await post<{ id: string }>(page, "/api/cases", { title: `Duplicates ${unique("c")}` });
    const bytes = `offer letter ${randomBytes(8).toString("hex")}\n`;
    const evidence = new EvidencePage(page);
    await evidence.gotoCaseTab(caseId);

    await evidence.addFiles([textFile("offer.txt", bytes)]);
    await page.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(evidence.uploadItem("offer.txt").getByText(/Stored as E-001/)).toBeVisible();
    // Nothing left to send: no "Upload 0 files".
    await expect(page.getByRole("button", { name: /^Upload \d+ files?$/ })).toHaveCount(0);

    await evidence.addFiles([textFile("offer-again.txt", bytes), textFile("offer-third.txt", bytes)]);
    await page.getByRole("button", { name: "Upload 2 files" }).click();
    const second = evidence.uploadItem("offer-again.txt");
    await expect(second.getByRole("alert")).toContainText(
      `Identical to E-001 “offer”, uploaded by ${investigator.name}`,
    );
    const keep = second.getByRole("button", { name: "Keep as a new exhibit" });
    await expect(keep).toBeDisabled();
    await second.getByLabel("Reason for keeping a second copy").fill("Received again from HR with a new cover e-mail");
    await keep.click();
    await expect(second.getByRole("status").filter({ hasText: "Kept as E-002" })).toBeVisible();

    const third = evidence.uploadItem("offer-third.txt");
    await expect(third.getByRole("alert")).toContainText("Identical to E-001");
    await third.getByRole("button", { name: "Drop this upload" }).click();
    await expect(third.getByRole("status").filter({ hasText: "Dropped E-003" })).toBeVisible();

    await expect(evidence.rows).toHaveCount(2);
    // The dropped number keeps its place, greyed, with who removed it and why.
    await expect(page.getByTestId("removed-evidence-row")).toContainText("E-003");
    await expect(page.getByTestId("removed-evidence-row")).toContainText(
      `deleted by ${investigator.name} <${investigator.email}>`,
    );
    await expect(page.getByTestId("removed-evidence-row")).toContainText("Identical to E-001; dropped at upload");
    await evidence.openItem("offer-again");
    await expect(evidence.custodyRows.last()).toContainText("Received again from HR with a new cover e-mail");
  });

  test("an identifier's source and a task's linked evidence are chosen by exhibit number and shown by it", async ({
    page,
  }) => {
    const investigator = await createUser(page.request, "investigator");
    await signInViaApi(page, investigator);
    const { id: caseId } = await post<{ id: string }>(page, "/api/cases", { title: `Pickers ${unique("c")}` });
    const evidence = new EvidencePage(page);
    await evidence.gotoCaseTab(caseId);
    await evidence.addFiles([textFile("resume.txt", `CV ${unique("cv")}`), textFile("courier.txt", unique("r"))]);
    await page.getByRole("button", { name: "Upload 2 files" }).click();
    await expect(evidence.uploadItem("courier.txt").getByText(/Stored as E-002/)).toBeVisible();

    const persona = await post<{ id: string }>(page, `/api/cases/${caseId}/personas`, {
      persona: { displayName: `Casey ${unique("p")}` },
      role: "subject",
    });
    const personaPage = new PersonaPage(page);
    await personaPage.goto(persona.id);
    const form = page.getByRole("form", { name: "Add an identifier" });
    await form.getByLabel("Source evidence (optional)").selectOption({ label: "E-001 · resume (Chat log)" });
    const email = `${unique("casey")}@example.org`;
    await personaPage.addIdentifier("email", email);
    const items = (await (await page.request.get(`/api/cases/${caseId}/evidence`)).json()) as {
      items: { id: string; exhibitNo: string }[];
    };
    const sourceOf = async () => {
      const detail = (await (await page.request.get(`/api/personas/${persona.id}`)).json()) as {
        identifiers: { sourceEvidenceId: string | null }[];
      };
      return detail.identifiers[0]?.sourceEvidenceId;
    };
    await expect.poll(sourceOf).toBe(items.items.find((i) => i.exhibitNo === "E-001")?.id);

    await post(page, `/api/cases/${caseId}/tasks`, { kind: "other", title: "Recover the laptop" });
    await page.goto(`/cases/${caseId}?tab=remediation`);
    const tasks = new RemediationTab(page);
    const task = tasks.tasks.filter({ hasText: "Recover the laptop" });
    await task.getByRole("button", { name: "Mark done" }).click();
    await task.getByLabel("Linked evidence (optional)").selectOption({ label: "E-002 · courier (Chat log)" });
    await task.getByRole("button", { name: "Confirm done" }).click();
    await expect(task.getByTestId("task-status")).toHaveText("Done");
    await expect(task.getByRole("link", { name: "E-002 · courier" })).toBeVisible();
  });

  test("deleting an exhibit goes back to the list without asking for the deleted item, which stays listed greyed", async ({
    page,
  }) => {
    const investigator = await createUser(page.request, "investigator");
    await signInViaApi(page, investigator);
    const { id: caseId } = await post<{ id: string }>(page, "/api/cases", { title: `Deleting ${unique("c")}` });
    const evidence = new EvidencePage(page);
    await evidence.gotoCaseTab(caseId);
    await evidence.addFiles([textFile("wrong-file.txt", unique("w"))]);
    await page.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(evidence.uploadItem("wrong-file.txt").getByText(/Stored as E-001/)).toBeVisible();
    await evidence.openItem("wrong-file");
    const itemUrl = page.url();
    const notFound: string[] = [];
    page.on("response", (r) => {
      if (r.status() === 404 && r.url().includes("/api/evidence/")) notFound.push(r.url());
    });

    await page.getByText("Delete this item").click();
    await page.getByLabel("Reason for deleting").fill("Uploaded to the wrong case");
    await page.getByRole("button", { name: "Delete evidence" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?tab=evidence`));
    const removed = page.getByTestId("removed-evidence-row");
    await expect(removed).toContainText("E-001");
    await expect(removed).toContainText("Uploaded to the wrong case");
    await expect(page.getByRole("link", { name: "wrong-file", exact: true })).toHaveCount(0);
    expect(notFound).toEqual([]);
    expect(itemUrl).toContain("/evidence/");
  });
});
