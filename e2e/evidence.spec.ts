import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { EvidencePage } from "./pages/evidence-page";

// A 1x1 PNG with random bytes after its end: a valid image, big enough for upload progress to show.
const PNG_HEAD = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63fcffff3f0005fe02fea7d6a6f90000000049454e44ae426082",
  "hex",
);
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

test.describe("evidence", () => {
  test("drop two files, watch them upload, preview the image, download, verify, and see the custody log grow", async ({
    page,
  }) => {
    const investigator = await createUser(page.request, "investigator");
    await signInViaApi(page, investigator);
    const created = await page.request.post("/api/cases", { data: { title: `Evidence ${unique("case")}` } });
    expect(created.status()).toBe(201);
    const { id: caseId } = (await created.json()) as { id: string };

    const image = {
      name: "camera-off.png",
      mimeType: "image/png",
      buffer: Buffer.concat([PNG_HEAD, randomBytes(6 * 1024 * 1024)]),
    };
    const chat = {
      name: "interview-chat.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(
        "[10:01] interviewer: can you turn your camera on?\n[10:02] candidate: camera broken, sorry\n",
      ),
    };
    const evidence = new EvidencePage(page);
    await evidence.gotoCaseTab(caseId);
    await expect(page.getByText(/No evidence yet/)).toBeVisible();
    await evidence.addFiles([image, chat]);

    const imageItem = evidence.uploadItem(image.name);
    await imageItem.getByLabel("Title").fill("Candidate camera screenshot");
    await expect(imageItem.getByLabel("Kind")).toHaveValue("screenshot");
    await imageItem.getByLabel("Collected by").fill("Recruiting team");
    await imageItem.getByLabel("Source").fill("Video interview recording tool");
    await expect(evidence.uploadItem(chat.name).getByLabel("Kind")).toHaveValue("chat_log");
    await page.getByRole("button", { name: "Upload 2 files" }).click();

    await expect(evidence.progress(image.name)).toBeVisible();
    await expect(evidence.progress(image.name)).toHaveAttribute("aria-valuenow", "100");
    await expect(evidence.progress(chat.name)).toHaveAttribute("aria-valuenow", "100");
    await expect(imageItem.getByText(/Stored as E-001/)).toBeVisible();
    await expect(evidence.uploadItem(chat.name).getByText(/Stored as E-002/)).toBeVisible();

    await expect(evidence.rows).toHaveCount(2);
    const imageRow = evidence.row("Candidate camera screenshot");
    await expect(imageRow).toContainText("E-001");
    await expect(imageRow).toContainText(sha256(image.buffer).slice(0, 12));
    await expect(imageRow).toContainText("image/png");
    const chatRow = evidence.row("interview-chat");
    await expect(chatRow).toContainText("E-002");
    await expect(chatRow).toContainText(sha256(chat.buffer).slice(0, 12));

    await evidence.openItem("Candidate camera screenshot");
    await expect(page.getByTestId("sha256")).toHaveText(sha256(image.buffer));
    await expect(evidence.custodyRows).toHaveCount(2);
    await expect(evidence.custodyRows.nth(0)).toContainText("Collected");
    await expect(evidence.custodyRows.nth(1)).toContainText("Uploaded");
    // The detail in words, not the stored keys.
    await expect(evidence.custodyRows.nth(1)).toContainText("Type the uploader gave: image/png");
    await expect(evidence.custodyRows.nth(1)).not.toContainText("claimedMimeType");

    await page.getByRole("button", { name: "Open preview" }).click();
    const preview = page.getByRole("img", { name: "Preview of Candidate camera screenshot" });
    await expect(preview).toBeVisible();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await expect(evidence.custodyRows).toHaveCount(3);
    await expect(evidence.custodyRows.nth(2)).toContainText("Viewed");

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download original" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(image.name);
    expect(sha256(fs.readFileSync(await download.path()))).toBe(sha256(image.buffer));
    await expect(evidence.custodyRows).toHaveCount(4);
    await expect(evidence.custodyRows.nth(3)).toContainText("Downloaded");

    await page.getByRole("button", { name: "Verify integrity" }).click();
    await expect(page.getByTestId("verify-result")).toContainText("Verified.");
    await expect(evidence.custodyRows).toHaveCount(5);
    await expect(evidence.custodyRows.nth(4)).toContainText("Verified");
  });

  test("a file whose bytes disagree with its name is flagged, and markup is only ever shown as text", async ({
    page,
  }) => {
    const investigator = await createUser(page.request, "investigator");
    await signInViaApi(page, investigator);
    const created = await page.request.post("/api/cases", { data: { title: `Mismatch ${unique("case")}` } });
    const { id: caseId } = (await created.json()) as { id: string };
    const html =
      "<!doctype html><html><body><h1 id='owned'>owned</h1><script>document.title='owned';alert('owned')</script></body></html>";
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs += 1;
      void d.dismiss();
    });

    const evidence = new EvidencePage(page);
    await evidence.gotoCaseTab(caseId);
    await evidence.addFiles([
      { name: "invoice\u202Efdp.html", mimeType: "application/pdf", buffer: Buffer.from(html) },
    ]);
    await page.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(evidence.rows).toHaveCount(1);
    await expect(evidence.rows.first().getByTestId("mime-mismatch")).toContainText("claimed application/pdf");
    await expect(evidence.rows.first()).toContainText("text/html");
    await expect(evidence.rows.first()).toContainText("invoicefdp.html");

    await evidence.rows.first().getByRole("link").click();
    await page.getByRole("button", { name: "Open preview" }).click();
    await expect(page.getByTestId("text-preview")).toHaveText(html);
    await expect(page.locator("#owned")).toHaveCount(0);
    expect(dialogs).toBe(0);

    // Opened directly, the content route still refuses to render it.
    const direct = await page.request.get(`/api/evidence/${page.url().split("/").pop()}/content?inline=1`);
    expect(direct.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(direct.headers()["content-security-policy"]).toContain("sandbox");
    expect(direct.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("a manager sees the exhibits but not their content", async ({ page, request }) => {
    const lead = await createUser(request, "investigator");
    const manager = await createUser(request, "manager");
    await signInViaApi(page, lead);
    const created = await page.request.post("/api/cases", { data: { title: `Managed ${unique("case")}` } });
    const { id: caseId } = (await created.json()) as { id: string };
    const evidence = new EvidencePage(page);
    await evidence.gotoCaseTab(caseId);
    await evidence.addFiles([{ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("shared wallet 0xabc") }]);
    await page.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(evidence.rows).toHaveCount(1);

    await page.context().clearCookies();
    await signInViaApi(page, manager);
    await evidence.gotoCaseTab(caseId);
    await expect(page.getByLabel("Choose evidence files")).toHaveCount(0);
    await evidence.openItem("note");
    await expect(page.getByText("Your role sees the details of evidence, not its content.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Download original" })).toHaveCount(0);
    const id = page.url().split("/").pop();
    expect((await page.request.get(`/api/evidence/${id}/content`)).status()).toBe(404);
  });
});
