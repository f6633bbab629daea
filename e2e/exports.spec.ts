import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { ExportsPage } from "./pages/exports-page";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

test.describe("evidence packs", () => {
  test("export a case with progress shown, download the pack and find it on the Exports page", async ({ page }) => {
    test.setTimeout(120_000);
    const lead = await createUser(page.request, "investigator");
    await signInViaApi(page, lead);
    const title = `Export ${unique("case")} 김상만 金相萬 Ким`;
    const created = await page.request.post("/api/cases", { data: { title } });
    expect(created.status()).toBe(201);
    const { id: caseId, ref } = (await created.json()) as { id: string; ref: string };
    // Big enough that the build takes a visible moment.
    const evidence = [
      { name: "vpn-logs.bin", buffer: randomBytes(256 * 1024 * 1024) },
      {
        name: "interview notes.txt",
        buffer: Buffer.from("Camera off for the whole interview; answers read from a screen.\n"),
      },
    ];
    for (const file of evidence) {
      const upload = await page.request.post(`/api/cases/${caseId}/evidence`, {
        multipart: {
          title: file.name,
          file: { name: file.name, mimeType: "application/octet-stream", buffer: file.buffer },
        },
        timeout: 60_000,
      });
      expect(upload.status(), await upload.text()).toBe(201);
    }

    const exportsUi = new ExportsPage(page);
    await page.goto(`/cases/${caseId}`);
    await exportsUi.openOptions();
    await expect(exportsUi.includeBox("E-001")).toBeChecked();
    await expect(exportsUi.includeBox("E-002")).toBeChecked();
    await expect(exportsUi.region.getByText("No packs made yet")).toBeVisible();
    await exportsUi.start();

    await expect(exportsUi.progress).toBeVisible();
    await expect(exportsUi.progress).toHaveAttribute("aria-valuemax", "100");
    const row = exportsUi.rows().first();
    await expect(row.getByText("Ready")).toBeVisible({ timeout: 60_000 });
    await expect(exportsUi.progress).toHaveCount(0);
    const shown = (await row.getByTestId("export-sha256").textContent())?.trim() ?? "";
    expect(shown).toMatch(/^[0-9a-f]{64}$/);

    const downloading = page.waitForEvent("download");
    await row.getByRole("link", { name: /^Download/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${ref}_\\d{8}T\\d{6}Z\\.zip$`));
    const file = await download.path();
    expect(sha256(fs.readFileSync(file))).toBe(shown);
    const listing = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n").sort();
    expect(listing).toEqual([
      "SHA256SUMS",
      "VERIFY.txt",
      "audit.csv",
      "certification/certificate-of-authenticity.docx",
      "certification/certificate-of-authenticity.pdf",
      "certification/us-fre-902-declaration.docx",
      "certification/us-fre-902-declaration.pdf",
      "custody.csv",
      "evidence/E-001_vpn-logs.bin",
      "evidence/E-002_interview_notes.txt",
      "manifest.json",
      "manifest.sig",
      // Timestamped when the server has a time-stamping authority (.ci/run starts one).
      ...(process.env.TSA_URL ? ["manifest.tsr"] : []),
      "public-key.pem",
      "report.pdf",
      "stix/bundle.json",
    ]);
    // The report, drawn by the server as built for production, prints the title in every script.
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "casework-e2e-report-")), "report.pdf");
    fs.writeFileSync(report, execFileSync("unzip", ["-p", file, "report.pdf"]));
    expect(execFileSync("pdftotext", [report, "-"], { encoding: "utf8" })).toContain(title);

    await exportsUi.gotoList();
    const listed = exportsUi.rows(page).filter({ hasText: ref });
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText(lead.name);
    await expect(listed).toContainText("Ready");
    await expect(listed.getByTestId("export-sha256")).toHaveText(shown);
    await expect(listed.getByRole("link", { name: /^Download/ })).toHaveAttribute(
      "href",
      /\/api\/exports\/[0-9a-f-]{36}\/download$/,
    );
  });

  test("a production for review platforms from the export form: Bates-numbered pages, load files, numbers never given twice", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const lead = await createUser(page.request, "investigator");
    await signInViaApi(page, lead);
    const created = await page.request.post("/api/cases", { data: { title: `Production ${unique("case")}` } });
    expect(created.status()).toBe(201);
    const { id: caseId } = (await created.json()) as { id: string };
    const upload = await page.request.post(`/api/cases/${caseId}/evidence`, {
      multipart: {
        title: "Offer letter",
        file: { name: "offer.bin", mimeType: "application/octet-stream", buffer: randomBytes(1024) },
      },
    });
    expect(upload.status(), await upload.text()).toBe(201);

    const exportsUi = new ExportsPage(page);
    await page.goto(`/cases/${caseId}`);
    await exportsUi.openOptions();
    await page.getByRole("checkbox", { name: /^Add a production/ }).check();
    const prefix = page.getByRole("textbox", { name: "Bates prefix" });
    await exportsUi.start();
    await expect(page.getByText("Give the prefix the Bates numbers start with")).toBeVisible();
    await expect(prefix).toHaveAttribute("aria-invalid", "true");
    await prefix.fill("ACME");
    await exportsUi.start();
    const row = exportsUi.rows().first();
    await expect(row.getByText("Ready")).toBeVisible({ timeout: 60_000 });
    const downloading = page.waitForEvent("download");
    await row.getByRole("link", { name: /^Download/ }).click();
    const file = await (await downloading).path();
    const listing = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
    expect(listing.filter((f) => f.startsWith("production/")).sort()).toEqual([
      "production/DATA/ACME.dat",
      "production/DATA/ACME.opt",
      "production/IMAGES/ACME000001.pdf",
      "production/NATIVES/ACME000001.bin",
    ]);
    const slip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "casework-e2e-bates-")), "page.pdf");
    fs.writeFileSync(slip, execFileSync("unzip", ["-p", file, "production/IMAGES/ACME000001.pdf"]));
    expect(execFileSync("pdftotext", [slip, "-"], { encoding: "utf8" })).toContain("ACME000001");

    // Asking again from number 1 is refused in the form: that number was handed over already.
    await exportsUi.openOptions();
    await page.getByRole("checkbox", { name: /^Add a production/ }).check();
    await page.getByRole("textbox", { name: "Bates prefix" }).fill("ACME");
    await page.getByRole("textbox", { name: "First number (optional)" }).fill("1");
    await exportsUi.start();
    await expect(page.getByText("Already produced in this case")).toBeVisible();
  });

  test("an investigator who is not the lead sees no export button, and a manager has no Exports page", async ({
    page,
    browser,
  }) => {
    const lead = await createUser(page.request, "investigator");
    const member = await createUser(page.request, "investigator");
    await signInViaApi(page, lead);
    const created = await page.request.post("/api/cases", { data: { title: `No export ${unique("case")}` } });
    const { id: caseId } = (await created.json()) as { id: string };
    expect(
      (
        await page.request.post(`/api/cases/${caseId}/members`, { data: { userId: member.id, role: "investigator" } })
      ).status(),
    ).toBe(201);

    const memberContext = await browser.newContext();
    const memberPage = await memberContext.newPage();
    await signInViaApi(memberPage, member);
    await memberPage.goto(`/cases/${caseId}`);
    await expect(memberPage.getByTestId("case-ref")).toBeVisible();
    await expect(memberPage.getByRole("button", { name: "Export evidence pack" })).toHaveCount(0);
    expect((await memberPage.request.post(`/api/cases/${caseId}/exports`, { data: {} })).status()).toBe(403);
    await memberContext.close();
    // The lead's own export exists, so an empty list for the manager below means hidden, not absent.
    const made = await page.request.post(`/api/cases/${caseId}/exports`, { data: {} });
    expect(made.status()).toBe(202);
    const { id: exportId } = (await made.json()) as { id: string };

    const manager = await createUser(page.request, "manager");
    const managerContext = await browser.newContext();
    const managerPage = await managerContext.newPage();
    await signInViaApi(managerPage, manager);
    await managerPage.goto("/exports");
    await expect(managerPage.getByRole("heading", { name: "Not found" })).toBeVisible();
    const listed = await managerPage.request.get("/api/exports");
    expect(listed.status()).toBe(200);
    expect(((await listed.json()) as { total: number }).total).toBe(0);
    expect((await managerPage.request.get(`/api/exports/${exportId}`)).status()).toBe(403);
    expect(
      ((await (await page.request.get("/api/exports")).json()) as { items: { id: string }[] }).items.map((e) => e.id),
    ).toContain(exportId);
    await managerContext.close();
  });
});
