import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { createUser, send, signInViaApi, unique } from "./fixtures/api";

test.describe("the case graph's panels", () => {
  test("the edge table scrolls by keyboard in one box, and a long hash stays inside the node panel", async ({
    page,
    request,
  }) => {
    await signInViaApi(page, await createUser(request, "investigator"));
    const theCase = await send<{ id: string }>(page, "/api/cases", { data: { title: `Graph ${unique("c")}` } });
    const persona = await send<{ id: string }>(page, `/api/cases/${theCase.id}/personas`, {
      data: {
        persona: { displayName: `Holder ${unique("p")}` },
        role: "subject",
      },
    });
    const hash = randomBytes(32).toString("hex");
    const wallet = `0x${randomBytes(20).toString("hex")}`;
    await send(page, `/api/personas/${persona.id}/identifiers`, { data: { type: "resume_hash", value: hash } });
    await send(page, `/api/personas/${persona.id}/identifiers`, { data: { type: "crypto_wallet", value: wallet } });
    for (let i = 0; i < 14; i++)
      await send(page, `/api/personas/${persona.id}/identifiers`, {
        data: {
          type: "email",
          value: `${unique(`alias${i}`)}@example.test`,
        },
      });

    await page.goto(`/cases/${theCase.id}?tab=personas`);
    await expect(page.getByTestId("graph-edge")).toHaveCount(16);

    // One scrolling box, reachable by Tab, that moves with the keyboard.
    const edges = page.getByRole("region", { name: "Graph edges, scrollable" });
    await expect(edges).toHaveAttribute("tabindex", "0");
    await expect(edges.getByRole("table", { name: "Graph edges" })).toBeVisible();
    expect(await edges.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await edges.focus();
    await page.keyboard.press("End");
    await expect.poll(() => edges.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await expect(page.getByTestId("graph-edge").last()).toBeInViewport();
    await expect(page.getByRole("region", { name: "Graph nodes, scrollable" })).toHaveAttribute("tabindex", "0");
    await expectNoAxeViolations(page, "the case graph");

    // The details of a SHA-256: the hash wraps inside the panel.
    await page.getByRole("button", { name: `Show details of ${hash}` }).click();
    const details = page.getByTestId("node-details");
    await expect(details.getByText(hash)).toBeVisible();
    expect(await details.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const panel = (await details.boundingBox())!;
    const text = (await details.getByText(hash).boundingBox())!;
    expect(text.x + text.width).toBeLessThanOrEqual(panel.x + panel.width);

    await page.getByRole("button", { name: `Show details of ${wallet}` }).click();
    await expect(details.getByText(wallet)).toBeVisible();
    expect(await details.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });
});
