import { expect, test } from "@playwright/test";
import { createUser, type Role, signInViaApi, TEST_PASSWORD } from "./fixtures/api";
import { AppShell } from "./pages/app-shell";
import { LoginPage } from "./pages/login-page";

test.describe("signing in and out", () => {
  test("a wrong password shows a clear error and creates no session", async ({ page, request }) => {
    const user = await createUser(request, "investigator");
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(user.email, "not the right password");
    await expect(login.errorMessage("Email or password is incorrect.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(user.email);
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.endsWith("authjs.session-token"))).toBe(false);
    await page.goto("/cases");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcases/);
  });

  test("the login form signs in, lands on the requested page, and sign out ends the session", async ({
    page,
    request,
  }) => {
    const user = await createUser(request, "investigator");
    await page.goto("/personas");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpersonas/);
    await new LoginPage(page).signIn(user.email, TEST_PASSWORD);
    await expect(page).toHaveURL(/\/personas$/);
    const shell = new AppShell(page);
    await expect(shell.currentUser).toContainText(user.name);
    await expect(shell.currentUser).toContainText("investigator");

    await shell.signOut();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(401);
  });

  test("a disabled account cannot sign in, and the form answers as for a wrong password", async ({ page, request }) => {
    const user = await createUser(request, "legal");
    const { e2eAdmin } = await import("./fixtures/env");
    const disable = await request.patch(`/api/users/${user.id}`, {
      data: { disabled: true },
      headers: { authorization: `Bearer ${e2eAdmin.token}` },
    });
    expect(disable.status()).toBe(200);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(user.email, TEST_PASSWORD);
    await expect(login.errorMessage("Email or password is incorrect.")).toBeVisible();
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.endsWith("authjs.session-token"))).toBe(false);
  });
});

const expectedNavigation: Record<Role, string[]> = {
  admin: [
    "Dashboard",
    "Cases",
    "My tasks",
    "Referrals",
    "Referral queue",
    "Personas",
    "Review matches",
    "Screening",
    "Exports",
    "Admin",
  ],
  manager: ["Dashboard", "Cases", "Referrals", "Personas"],
  investigator: ["Dashboard", "Cases", "My tasks", "Referrals", "Personas", "Review matches", "Screening", "Exports"],
  legal: ["Dashboard", "Cases", "My tasks", "Referrals", "Referral queue", "Personas", "Screening", "Exports"],
};

for (const role of Object.keys(expectedNavigation) as Role[]) {
  test(`${role} sees the navigation of the role`, async ({ page, request }) => {
    const user = await createUser(request, role);
    await signInViaApi(page, user);
    await page.goto("/");
    const shell = new AppShell(page);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(shell.currentUser).toContainText(role);
    expect(await shell.navLabels()).toEqual(expectedNavigation[role]);
    // The page streams behind a loading skeleton, so a refusal shows as the not-found page.
    await page.goto("/admin");
    if (role === "admin") await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();
    else await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
}

test.describe("signed-out visitors", () => {
  test("a page redirects to the login", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
    await expect(page.getByRole("heading", { name: "Sign in to Casework" })).toBeVisible();
  });

  test("an API call answers 401 with the error shape, and an unknown API route 404 JSON", async ({ request }) => {
    const response = await request.get("/api/users");
    expect(response.status()).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unauthorized");
    expect(body.error.message).toMatch(/sign in/i);

    const missing = await request.get("/api/no-such-thing");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toContain("application/json");
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
