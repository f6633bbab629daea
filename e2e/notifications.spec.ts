import { expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";

test.describe("notifications", () => {
  test("the bell counts what a member was told; the page marks them read, from the keyboard", async ({
    browser,
    page,
    request,
  }) => {
    const lead = await createUser(request, "investigator");
    const member = await createUser(request, "investigator");
    await signInViaApi(page, lead);
    const created = await page.request.post("/api/cases", { data: { title: `Notify ${unique("c")}` } });
    expect(created.status()).toBe(201);
    const kase = (await created.json()) as { id: string; ref: string };
    // One after the other: a task's owner and a mentioned person must already be members.
    const calls = [
      () => page.request.post(`/api/cases/${kase.id}/members`, { data: { userId: member.id } }),
      () =>
        page.request.post(`/api/cases/${kase.id}/tasks`, {
          data: { kind: "revoke_access", title: "Revoke the VPN account", ownerId: member.id },
        }),
      () =>
        page.request.post(`/api/cases/${kase.id}/notes`, {
          data: { body: `@${member.email.split("@")[0]} please look at the laptop shipment` },
        }),
    ];
    for (const call of calls) {
      const response = await call();
      expect(response.status(), await response.text()).toBe(201);
    }

    const context = await browser.newContext();
    const memberPage = await context.newPage();
    await signInViaApi(memberPage, member);
    await memberPage.goto("/");
    const bell = memberPage.getByRole("link", { name: "Notifications, 3 unread" });
    await expect(bell).toBeVisible();
    await expect(memberPage.getByTestId("notification-count")).toHaveText("3");

    await bell.click();
    await expect(memberPage).toHaveURL(/\/notifications$/);
    const list = memberPage.getByRole("list", { name: "Notifications" });
    await expect(list.getByRole("listitem")).toHaveCount(3);
    await expect(list).toContainText(`You were added to ${kase.ref}`);
    await expect(list).toContainText("Task for you: Revoke the VPN account");

    // One read with the keyboard: focus its button and press Enter.
    const markOne = memberPage.getByRole("button", { name: /^Mark read: Task for you/ });
    await markOne.focus();
    await memberPage.keyboard.press("Enter");
    await expect(memberPage.getByText("2 unread", { exact: true })).toBeVisible();
    await expect(memberPage.getByRole("link", { name: "Notifications, 2 unread" })).toBeVisible();

    await memberPage.getByRole("button", { name: "Mark all read" }).click();
    await expect(memberPage.getByText("All read", { exact: true })).toBeVisible();
    await expect(memberPage.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();
    await memberPage.reload();
    await expect(memberPage.getByText("All read", { exact: true })).toBeVisible();
    await context.close();

    // Someone told nothing sees an empty state that says what brings notifications.
    await page.goto("/notifications");
    await expect(page.getByTestId("notifications-empty")).toContainText("mentions you in a note");
  });

  test("an admin registers a webhook and sees its signing secret once", async ({ page, request }) => {
    const admin = await createUser(request, "admin");
    await signInViaApi(page, admin);
    await page.goto("/admin");
    const form = page.getByRole("form", { name: "Register a webhook" });

    // An address on this machine is refused, in words.
    await form.getByLabel("Endpoint address").fill("http://127.0.0.1:9/hook");
    await form.getByRole("button", { name: "Register webhook" }).click();
    await expect(page.getByText(/loopback, private or link-local/).first()).toBeVisible();

    // A public address given as such (nothing to resolve), for two events.
    const description = unique("SIEM");
    await form.getByLabel("Endpoint address").fill("https://93.184.215.14/casework");
    await form.getByLabel("Description").fill(description);
    await form.getByRole("checkbox", { name: "task.overdue" }).check();
    await form.getByRole("checkbox", { name: "persona.hit" }).check();
    await form.getByRole("button", { name: "Register webhook" }).click();
    const secret = page.getByTestId("webhook-secret");
    await expect(secret).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
    const hooks = page.getByRole("list", { name: "Webhooks" });
    const row = hooks.getByRole("listitem").filter({ hasText: description });
    await expect(row).toContainText("task.overdue, persona.hit");
    await row.getByRole("button", { name: "Deliveries" }).click();
    await expect(row).toContainText("Nothing has been sent to this endpoint yet.");

    // Shown once: after a reload the endpoint is listed and its secret is nowhere.
    const shown = await secret.textContent();
    await page.reload();
    await expect(
      page.getByRole("list", { name: "Webhooks" }).getByRole("listitem").filter({ hasText: description }),
    ).toBeVisible();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    expect(await page.content()).not.toContain(shown!);
  });
});
