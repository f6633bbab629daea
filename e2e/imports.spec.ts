import { expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";

test.describe("bulk import of people and identifiers", () => {
  test("a CSV with one bad row: the dry run names its row and column, the import creates the rest and keeps the file", async ({
    page,
  }) => {
    const investigator = await createUser(page.request, "investigator");
    await signInViaApi(page, investigator);
    const created = await page.request.post("/api/cases", { data: { title: `Applicant import ${unique("c")}` } });
    const { id: caseId } = (await created.json()) as { id: string };
    const source = unique("greenhouse");
    const good = `Ana ${unique("p")}`;
    const csv = [
      "applicant_id,full_name,email,mobile",
      `${unique("a")},${good},${unique("ana")}@example.org,+1 202 555 0143`,
      `${unique("b")},Bad Row,not-an-email,`,
      "",
    ].join("\r\n");

    await page.goto(`/cases/${caseId}`);
    await page.getByRole("link", { name: "Import people from a CSV or XLSX export" }).click();
    await expect(page.getByRole("heading", { name: "Import people" })).toBeVisible();
    await page.getByLabel("Source system").fill(source);
    await page.getByLabel("CSV or XLSX export").setInputFiles({
      name: "applicants.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    // The headers are read from the file and guessed; the key column is chosen from them.
    const mapping = page.getByRole("table", { name: "Column mapping" });
    await expect(mapping.getByRole("combobox", { name: "full_name" })).toHaveValue("displayName");
    await expect(mapping.getByRole("combobox", { name: "email" })).toHaveValue("email");
    await expect(mapping.getByRole("combobox", { name: "mobile" })).toHaveValue("phone");
    await page.getByLabel("Column holding the source system's id of each record").selectOption("applicant_id");

    await page.getByRole("button", { name: "Dry run" }).click();
    await expect(page.getByRole("heading", { name: "Import dry run" })).toBeVisible();
    await expect(page.getByText("Dry run done: 2 rows, 1 would be created, 0 matched, 1 refused.")).toBeVisible({
      timeout: 30_000,
    });
    const errors = page.getByRole("table", { name: "Row errors" });
    const bad = errors.getByRole("row").filter({ hasText: "not-an-email" });
    await expect(bad.getByRole("cell").nth(0)).toHaveText("3");
    await expect(bad.getByRole("cell").nth(1)).toHaveText("email");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download errors as CSV" }).click();
    expect((await download).suggestedFilename()).toBe("applicants-errors.csv");

    // The mapping is remembered for the source: the real import needs only the file.
    await page.getByRole("link", { name: "Back to the import to run it" }).click();
    await page.getByLabel("Source system").fill(source);
    await page.getByLabel("CSV or XLSX export").setInputFiles({
      name: "applicants.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await expect(page.getByLabel("Column holding the source system's id of each record")).toHaveValue("applicant_id");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText("Done: 2 rows, 1 created, 0 matched, 1 refused.")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByRole("link", { name: "E-001" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the case" }).click();
    await page.getByRole("tab", { name: "Personas & graph" }).click();
    await expect(page.getByText(good).first()).toBeVisible();
  });
});
