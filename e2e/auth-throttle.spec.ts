import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, TEST_PASSWORD } from "./fixtures/api";
import { LoginPage } from "./pages/login-page";

// The app trusts X-Forwarded-For from the proxy in front of it. Here the browser sends one itself,
// so this test's failures count against an address of its own, never against 127.0.0.1, which
// every other test signs in from.
test.use({ extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${randomInt(1, 255)}` } });

test.describe("failed sign-ins", () => {
  test("ten wrong passwords lock the account: even the right one is refused with the time to wait", async ({
    page,
    request,
  }) => {
    const user = await createUser(request, "investigator");
    const login = new LoginPage(page);
    // Each try waits for the form's answer (the server action's POST), so each is counted in turn.
    const submit = async (password: string) => {
      const answered = page.waitForResponse(
        (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login",
      );
      await login.signIn(user.email, password);
      await answered;
    };
    await login.goto();
    for (let i = 1; i <= 9; i++) {
      await submit(`wrong password ${i}`);
      await expect(login.errorMessage("Email or password is incorrect.")).toBeVisible();
    }
    await submit("wrong password 10");
    await expect(login.errorMessage("Too many failed sign-ins. Try again in 15 minutes.")).toBeVisible();

    await submit(TEST_PASSWORD);
    await expect(login.errorMessage(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/)).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.endsWith("authjs.session-token"))).toBe(false);
  });
});
