import { randomBytes, randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { PersonaPage } from "./pages/persona-page";

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

/**
 * Pairs are scored by a background job a moment after the change (after text extraction, for
 * documents): reload until they are in. The queue is shared with every other test's jobs.
 */
async function waitForPairs(page: Page, pair: Locator, count = 1, showing?: string) {
  await expect(async () => {
    await page.reload();
    await expect(pair).toHaveCount(count, { timeout: 1_000 });
    // A pair may show before the job has scored the last change: wait for what that change adds.
    if (showing) await expect(pair).toContainText(showing, { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
}

test.describe("reviewing possible matches", () => {
  test("a Gmail variant and a phone in another notation make a pair; confirmed from the keyboard it leaves the queue and shows as a link", async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const theCase = await post<{ id: string }>(page, "/api/cases", { title: `Review case ${unique("c")}` });
    const nameA = `Avery ${unique("a")}`;
    const nameB = `Morgan ${unique("b")}`;
    const a = await post<{ id: string }>(page, `/api/cases/${theCase.id}/personas`, {
      persona: { displayName: nameA },
      role: "subject",
    });
    const b = await post<{ id: string }>(page, `/api/cases/${theCase.id}/personas`, {
      persona: { displayName: nameB },
      role: "subject",
    });
    const user = `jdoe${randomInt(1e8, 1e9)}`;
    const digits = `202${randomInt(200, 1000)}${String(randomInt(0, 10_000)).padStart(4, "0")}`;
    await post(page, `/api/personas/${a.id}/identifiers`, { type: "email", value: `${user}@gmail.com` });
    await post(page, `/api/personas/${b.id}/identifiers`, {
      type: "email",
      value: `${user.slice(0, 1)}.${user.slice(1)}+jobs@googlemail.com`,
    });
    await post(page, `/api/personas/${a.id}/identifiers`, {
      type: "phone",
      value: `+1 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`,
    });
    await post(page, `/api/personas/${b.id}/identifiers`, {
      type: "phone",
      value: `+1.${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`,
    });

    await page.goto("/");
    await page.getByRole("link", { name: "Review matches" }).click();
    await expect(page.getByRole("heading", { name: "Review matches" })).toBeVisible();
    const pair = page.getByRole("region", { name: new RegExp(`${nameA}|${nameB}`) });
    await waitForPairs(page, pair, 1, "Phone");
    // What matched, side by side: each persona's own spelling of the mailbox and the phone.
    const matched = pair.getByRole("table", { name: /What matched/ });
    await expect(matched).toContainText(`${user}@gmail.com`);
    await expect(matched).toContainText(`${user.slice(0, 1)}.${user.slice(1)}+jobs@googlemail.com`);
    await expect(matched).toContainText("Phone");
    await expect(pair).toContainText(/Score \d+/);
    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(scan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // A decision without a reason is refused in place, and the reason field takes the focus.
    await pair.getByRole("button", { name: /^Confirm/ }).click();
    await expect(pair.getByRole("alert")).toContainText("Say why");
    await expect(pair.getByLabel("Reason for the decision")).toBeFocused();

    // From the keyboard: the reason, then Tab to Confirm and Enter.
    await page.keyboard.type("Same mailbox and phone, same writing style");
    await page.keyboard.press("Tab");
    await expect(pair.getByRole("button", { name: /^Confirm/ })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page.getByRole("region", { name: new RegExp(`${nameA}|${nameB}`) })).toHaveCount(0);
    await expect(page.getByText("No possible matches to review")).toBeVisible();

    const personaPage = new PersonaPage(page);
    await personaPage.goto(a.id);
    const links = page.getByRole("table", { name: "Links" });
    await expect(links.getByRole("link", { name: nameB })).toBeVisible();
    await expect(links).toContainText("Confirmed");
    await expect(links).toContainText("Same mailbox and phone, same writing style");
  });

  test("a recycled résumé (new name, one bullet changed) makes a pair, shown with the lines each side has alone", async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const theCase = await post<{ id: string }>(page, "/api/cases", { title: `Resume case ${unique("c")}` });
    const nameA = `Riley ${unique("a")}`;
    const nameB = `Jordan ${unique("b")}`;
    const topic = unique("stack");
    const bullets = Array.from(
      { length: 16 },
      (_, i) => `- Shipped ${topic} feature ${i} with TypeScript, React and PostgreSQL for client ${i * 11}`,
    );
    const changed = `- Ran the ${topic} on-call rotation for a payments team`;
    const texts = [
      `${nameA}\nSenior engineer, remote\n${bullets.join("\n")}\n`,
      `${nameB}\nSenior engineer, remote\n${[...bullets.slice(0, 7), changed, ...bullets.slice(8)].join("\n")}\n`,
    ];
    for (const [i, name] of [nameA, nameB].entries()) {
      const persona = await post<{ id: string }>(page, `/api/cases/${theCase.id}/personas`, {
        persona: { displayName: name },
        role: "subject",
      });
      const upload = await page.request.post(`/api/cases/${theCase.id}/evidence`, {
        multipart: {
          title: `cv-${i}.txt`,
          file: { name: `cv-${i}.txt`, mimeType: "text/plain", buffer: Buffer.from(texts[i]!) },
        },
      });
      expect(upload.status(), await upload.text()).toBe(201);
      const item = (await upload.json()) as { id: string };
      // The résumé is the source of a claim: that is what makes it this persona's document.
      await post(page, `/api/personas/${persona.id}/identifiers`, {
        type: "email",
        value: `${unique("cv").toLowerCase()}@example.com`,
        sourceEvidenceId: item.id,
      });
    }

    await page.goto("/review");
    const pair = page.getByRole("region", { name: new RegExp(`${nameA}|${nameB}`) });
    await waitForPairs(page, pair);
    const matched = pair.getByRole("table", { name: /What matched/ });
    const row = matched.getByRole("row", { name: /Résumé text/ });
    await expect(row).toContainText(/Résumé text \d+% alike/);
    await expect(row).toContainText("cv-0.txt");
    await expect(row).toContainText(bullets[7]!);
    await expect(row).toContainText(changed);
  });

  test("two namesakes who are each a likely match of a third persona are shown with that common match", async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const theCase = await post<{ id: string }>(page, "/api/cases", { title: `Namesakes case ${unique("c")}` });
    // A rare given name written two ways (Kim/Gim, Ji Su/Ji-Su): the names alone score below 40.
    const given = [...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
    const nameA = `Kim Ji Su ${given}`;
    const nameB = `${given} Ji-Su Gim`;
    const nameC = `Choi ${unique("c")}`;
    const ids: string[] = [];
    for (const name of [nameA, nameB, nameC])
      ids.push(
        (
          await post<{ id: string }>(page, `/api/cases/${theCase.id}/personas`, {
            persona: { displayName: name },
            role: "subject",
          })
        ).id,
      );
    const phone = `+1 202 ${randomInt(200, 1000)} ${String(randomInt(0, 10_000)).padStart(4, "0")}`;
    const wallet = `0x${randomBytes(20).toString("hex")}`;
    await post(page, `/api/personas/${ids[0]}/identifiers`, { type: "phone", value: phone });
    await post(page, `/api/personas/${ids[2]}/identifiers`, { type: "phone", value: phone });
    await post(page, `/api/personas/${ids[1]}/identifiers`, { type: "crypto_wallet", value: wallet });
    await post(page, `/api/personas/${ids[2]}/identifiers`, { type: "crypto_wallet", value: wallet });

    await page.goto("/review");
    const namesakes = page.getByRole("region", {
      name: new RegExp(`^(${nameA} and ${nameB}|${nameB} and ${nameA})$`),
    });
    await waitForPairs(page, namesakes, 1, "Common match");
    const row = namesakes.getByRole("table", { name: /What matched/ }).getByRole("row", { name: /Common match/ });
    await expect(row).toContainText(`Both are likely matches of ${nameC}`);
    await expect(namesakes.getByText(/^Score \d+$/)).toHaveText(/^Score ([4-9]\d|100)$/);
  });

  test("an empty queue says what to do; a bad page is refused; a manager gets no queue", async ({ page, request }) => {
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    await page.goto("/review");
    await expect(page.getByText("No possible matches to review")).toBeVisible();
    const bad = await page.request.get("/api/review/candidates?page=0");
    expect(bad.status()).toBe(400);

    const manager = await createUser(request, "manager");
    await signInViaApi(page, manager);
    const refused = await page.goto("/review");
    expect(refused?.status()).toBe(404);
    expect((await page.request.get("/api/review/candidates")).status()).toBe(403);
  });
});
