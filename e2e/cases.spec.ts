import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { CasePage } from "./pages/case-page";

test.describe("cases", () => {
  test("open a case, find it by search, take it through the workflow to closed, and see every step", async ({
    page,
    request,
  }) => {
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const word = unique("quokka").replace("-", "");

    await page.goto("/cases/new");
    const form = page.getByRole("form", { name: "Open a case" });
    await form.getByRole("button", { name: "Open case" }).click();
    await expect(form.getByText("Title is required")).toBeVisible();

    await form.getByLabel("Title").fill(`Contractor ${word} with a shared wallet`);
    await form.getByLabel("Summary").fill("Payroll asked to pay **USDC** to a new wallet.");
    await form.getByLabel("Severity").selectOption("critical");
    await form.getByLabel("Name as claimed").fill("Jordan Placeholder");
    await form.getByLabel("Hiring channel or staffing vendor").fill("Acme Staffing");
    await form.getByRole("button", { name: "Open case" }).click();

    const casePage = new CasePage(page);
    await expect(page.getByRole("heading", { name: `Contractor ${word} with a shared wallet` })).toBeVisible();
    const ref = (await page.getByTestId("case-ref").innerText()).trim();
    expect(ref).toMatch(/^CASE-\d{4}-\d{4}$/);
    await expect(page.getByText("#fake-remote-worker")).toBeVisible();
    const caseUrl = page.url();

    await page.goto("/cases");
    await page.getByRole("searchbox", { name: "Search" }).fill(word);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${word}`));
    const table = page.getByRole("table", { name: "Cases" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("link", { name: ref })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("table", { name: "Cases" }).getByRole("link", { name: ref })).toBeVisible();

    await page.goto(caseUrl);
    await casePage.move("Start investigating");
    await expect(casePage.status).toHaveText("Investigating");
    await casePage.move("Mark contained");
    await expect(casePage.status).toHaveText("Contained");
    // The template brought its remediation tasks; a case closes only once none is open.
    const caseId = new URL(caseUrl).pathname.split("/").pop() ?? "";
    const tasks = (await (await page.request.get(`/api/cases/${caseId}/tasks`)).json()) as { items: { id: string }[] };
    expect(tasks.items.length).toBeGreaterThan(0);
    for (const t of tasks.items) {
      const res = await page.request.patch(`/api/tasks/${t.id}`, { data: { status: "done" } });
      expect(res.status()).toBe(200);
    }
    await casePage.move("Close case", "Access revoked, laptop recovered, payroll stopped.");
    await expect(casePage.status).toHaveText("Closed");
    await expect(page.getByText("Closing reason: Access revoked, laptop recovered, payroll stopped.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Reopen case" })).toBeVisible();

    await casePage.openTab("Activity");
    await expect(page).toHaveURL(/tab=activity/);
    const items = casePage.activityItems().filter({ hasNotText: "task" });
    await expect(items.nth(0)).toContainText("from Contained to Closed: Access revoked");
    await expect(items.nth(1)).toContainText("from Investigating to Contained");
    await expect(items.nth(2)).toContainText("from Triage to Investigating");
    await expect(items.nth(3)).toContainText("opened the case from the template “Suspected fake remote worker”");
  });

  test("the case search finds a case by its persona's wallet or e-mail, and by a title word typed without accents", async ({
    page,
    request,
  }) => {
    await signInViaApi(page, await createUser(request, "investigator"));
    const word = unique("kuzey").replace("-", "");
    const created = await page.request.post("/api/cases", { data: { title: `Résumé ${word} Şahin` } });
    expect(created.status()).toBe(201);
    const { id, ref } = (await created.json()) as { id: string; ref: string };
    const persona = await page.request.post(`/api/cases/${id}/personas`, {
      data: { persona: { displayName: `Holder ${word}` }, role: "subject" },
    });
    const { id: personaId } = (await persona.json()) as { id: string };
    const wallet = `0x${randomBytes(20).toString("hex")}`;
    const email = `${word}@example.test`;
    for (const data of [
      { type: "crypto_wallet", value: wallet },
      { type: "email", value: email },
    ])
      expect((await page.request.post(`/api/personas/${personaId}/identifiers`, { data })).status()).toBe(201);

    const table = page.getByRole("table", { name: "Cases" });
    for (const query of [wallet.toUpperCase().replace("0X", "0x"), email.toUpperCase(), `resume ${word} sahin`]) {
      await page.goto("/cases");
      await page.getByRole("searchbox", { name: "Search" }).fill(query);
      await page.getByRole("button", { name: "Search" }).click();
      await expect(table.getByRole("row")).toHaveCount(2);
      await expect(table.getByRole("link", { name: ref })).toBeVisible();
    }
  });

  test("a second person saving over an old version sees what changed instead of overwriting", async ({
    browser,
    request,
  }) => {
    const lead = await createUser(request, "investigator");
    const first = await browser.newContext();
    const second = await browser.newContext();
    const pageA = await first.newPage();
    const pageB = await second.newPage();
    await signInViaApi(pageA, lead);
    await signInViaApi(pageB, lead);
    const response = await pageA.request.post("/api/cases", { data: { title: "Shared laptop address" } });
    expect(response.status()).toBe(201);
    const created = (await response.json()) as { id: string };
    await new CasePage(pageA).goto(created.id);
    await new CasePage(pageB).goto(created.id);

    await pageA.getByRole("button", { name: "Edit details" }).click();
    await pageB.getByRole("button", { name: "Edit details" }).click();
    await pageA
      .getByRole("form", { name: "Edit case details" })
      .getByLabel("Title")
      .fill("Laptop farm in a rented flat");
    await pageA.getByRole("button", { name: "Save changes" }).click();
    await expect(pageA.getByRole("heading", { name: "Laptop farm in a rented flat" })).toBeVisible();

    await pageB.getByRole("form", { name: "Edit case details" }).getByLabel("Title").fill("My competing title");
    await pageB.getByRole("button", { name: "Save changes" }).click();
    const notice = pageB.getByRole("alert").filter({ hasText: "Someone else changed this case" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("Title is now: Laptop farm in a rented flat");

    await notice.getByRole("button", { name: "Discard mine and load theirs" }).click();
    await expect(pageB.getByRole("form", { name: "Edit case details" }).getByLabel("Title")).toHaveValue(
      "Laptop farm in a rented flat",
    );
    await first.close();
    await second.close();
  });

  test("notes render Markdown but never run script or HTML", async ({ page, request }) => {
    const lead = await createUser(request, "investigator");
    await signInViaApi(page, lead);
    const response = await page.request.post("/api/cases", { data: { title: "Notes safety" } });
    const { id } = (await response.json()) as { id: string };
    let dialog = false;
    page.on("dialog", async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await new CasePage(page).goto(id);
    await page
      .getByLabel("New note (Markdown)")
      .fill('**Bold words** <img src=x onerror="alert(1)"> <script>alert(2)</script> [link](javascript:alert(3))');
    await page.getByRole("button", { name: "Add note" }).click();
    const note = page.getByTestId("note").first();
    await expect(note.locator("strong")).toHaveText("Bold words");
    await expect(note.locator("img, script")).toHaveCount(0);
    const href = await note.getByRole("link", { name: "link" }).getAttribute("href");
    expect(href ?? "").not.toContain("javascript");
    expect(dialog).toBe(false);
  });
  test("sorting by severity shows Critical first on the first click, and the reference stays on one line", async ({
    page,
  }) => {
    await signInViaApi(page, await createUser(page.request, "investigator"));
    const word = unique("sev").replace("-", "");
    for (const severity of ["low", "critical", "medium"]) {
      const created = await page.request.post("/api/cases", { data: { title: `Sort ${word} ${severity}`, severity } });
      expect(created.status(), await created.text()).toBe(201);
    }
    await page.goto(`/cases?q=${word}`);
    const rows = page
      .getByRole("table", { name: "Cases" })
      .getByRole("row")
      .filter({ hasText: `Sort ${word}` });
    await expect(rows).toHaveCount(3);
    await page.getByRole("button", { name: "Severity" }).click();
    await expect(page).toHaveURL(/[?&]sort=-severity(&|$)/);
    await expect(rows.first()).toContainText("critical", { ignoreCase: true });
    await expect(rows.last()).toContainText("low", { ignoreCase: true });
    await page.getByRole("button", { name: "Severity" }).click();
    await expect(page).toHaveURL(/[?&]sort=severity(&|$)/);
    await expect(rows.first()).toContainText("low", { ignoreCase: true });
    const ref = rows.first().getByRole("link").first();
    expect(await ref.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("nowrap");
  });

  test("pages through the case list with Previous and Next, keeping the page in the URL", async ({ page }) => {
    const investigator = await createUser(page.request, "investigator");
    await signInViaApi(page, investigator);
    const word = unique("pager").replace("-", "");
    for (const n of [1, 2, 3]) {
      expect((await page.request.post("/api/cases", { data: { title: `Pager ${word} ${n}` } })).status()).toBe(201);
    }
    await page.goto("/cases?pageSize=2&sort=title");
    const pager = page.getByRole("navigation", { name: "Pages" });
    const rows = page
      .getByRole("table")
      .getByRole("row")
      .filter({ hasText: `Pager ${word}` });
    await expect(pager.getByText("Page 1 of 2")).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(pager.getByRole("button", { name: "Previous" })).toBeDisabled();
    await pager.getByRole("button", { name: "Next" }).click();
    await expect(pager.getByText("Page 2 of 2")).toBeVisible();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(`Pager ${word} 3`);
    await expect(pager.getByRole("button", { name: "Next" })).toBeDisabled();
    await pager.getByRole("button", { name: "Previous" }).click();
    await expect(pager.getByText("Page 1 of 2")).toBeVisible();
    await expect(rows).toHaveCount(2);
  });

  test("adding a member starts with nobody chosen, asks for a person, then adds the one picked", async ({
    page,
    request,
  }) => {
    const lead = await createUser(request, "investigator");
    const colleague = await createUser(request, "investigator", `Colleague ${unique("c")}`);
    await signInViaApi(page, lead);
    const created = await page.request.post("/api/cases", { data: { title: `Members ${unique("m")}` } });
    const { id } = (await created.json()) as { id: string };
    await new CasePage(page).goto(id);
    const form = page.getByRole("form", { name: "Add a member" });
    await expect(form.getByLabel("Person")).toHaveValue("");
    await form.getByRole("button", { name: "Add member" }).click();
    await expect(form.getByText("Choose the person to add")).toBeVisible();
    await form.getByLabel("Find a colleague").fill(colleague.name);
    await form.getByLabel("Person").selectOption({ label: `${colleague.name} (investigator)` });
    await form.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByRole("list", { name: "Case members" })).toContainText(colleague.name);
  });
});
