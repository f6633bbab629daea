import { expect, type Page, test } from "@playwright/test";
import { createUser, signInViaApi, TEST_PASSWORD } from "./fixtures/api";
import { AppShell } from "./pages/app-shell";
import { LoginPage } from "./pages/login-page";

const NEW_PASSWORD = "a new passphrase of mine";

async function fillChange(page: Page, current: string, next: string, again = next): Promise<void> {
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(current);
  await form.getByLabel("New password", { exact: true }).fill(next);
  await form.getByLabel("New password again").fill(again);
  await form.getByRole("button", { name: "Change password" }).click();
}

test.describe("passwords", () => {
  test("a user changes their password on the Account page; another browser is signed out and the new one works", async ({
    browser,
    page,
    request,
  }) => {
    const user = await createUser(request, "investigator");
    await signInViaApi(page, user);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInViaApi(otherPage, user);

    await page.goto("/account");
    const form = page.getByRole("form", { name: "Change password" });
    await fillChange(page, TEST_PASSWORD, NEW_PASSWORD, "something else entirely");
    await expect(form.getByText("The two new passwords differ")).toBeVisible();
    await fillChange(page, "not the password at all", NEW_PASSWORD);
    await expect(form.getByText("The current password is not right")).toBeVisible();
    await fillChange(page, TEST_PASSWORD, NEW_PASSWORD);
    await expect(form.getByText("Password changed. Your other sessions are signed out")).toBeVisible();

    // This browser stays signed in; the other one is sent to the login page.
    await page.goto("/cases");
    await expect(page.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();
    await otherPage.goto("/cases");
    await expect(otherPage).toHaveURL(/\/login/);
    await other.close();

    await new AppShell(page).signOut();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(user.email, TEST_PASSWORD);
    await expect(login.errorMessage("Email or password is incorrect.")).toBeVisible();
    await login.signIn(user.email, NEW_PASSWORD);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });

  test("an admin resets a password: the user signs in with the temporary one and must choose their own", async ({
    browser,
    page,
    request,
  }) => {
    const admin = await createUser(request, "admin");
    const user = await createUser(request, "legal");
    await signInViaApi(page, admin);
    await page.goto("/admin");
    const row = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: user.email });
    await row.getByRole("button", { name: `Reset the password of ${user.name}` }).click();
    await row.getByRole("button", { name: "Reset", exact: true }).click();
    const temporary = (await row.getByTestId("temporary-password").textContent())?.trim() ?? "";
    expect(temporary.length).toBeGreaterThanOrEqual(16);

    const context = await browser.newContext();
    const userPage = await context.newPage();
    const login = new LoginPage(userPage);
    await login.goto();
    await login.signIn(user.email, temporary);
    await expect(userPage.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    // Every other page sends them back here until they do.
    await userPage.goto("/cases");
    await expect(userPage).toHaveURL(/\/change-password/);
    await fillChange(userPage, temporary, NEW_PASSWORD);
    await expect(userPage.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await userPage.goto("/cases");
    await expect(userPage.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();
    await context.close();
  });
});
