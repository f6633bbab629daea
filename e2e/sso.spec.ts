import { expect, type Page, test } from "@playwright/test";
import { startOidcProvider, type RunningProvider } from "../scripts/oidc-provider";
import { type Role, TEST_PASSWORD } from "./fixtures/api";
import { e2eAdmin } from "./fixtures/env";
import { SSO_USERS, type SsoTestUser, ssoProviderPort, ssoRedirectUri } from "./fixtures/sso";

// Single sign-on through a real OpenID provider (panva's oidc-provider, scripts/oidc-provider.ts):
// the browser leaves Casework for the provider's login form and comes back with a code, which
// the server exchanges for an ID token whose `groups` claim decides the role.

let provider: RunningProvider;

test.beforeAll(async ({ baseURL }) => {
  const appOrigin = new URL(baseURL ?? "").origin;
  provider = await startOidcProvider({
    port: ssoProviderPort(Number(new URL(appOrigin).port)),
    redirectUris: [ssoRedirectUri(appOrigin)],
  });
});

test.afterAll(async () => {
  await provider?.close();
});

/** From the login page, through the provider's own login form, back to Casework. */
async function signInWithProvider(page: Page, user: SsoTestUser): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
  await page.locator('input[name="login"]').fill(user.login);
  await page.locator('input[name="password"]').fill("any password: the test provider's form takes any");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

const roles: Role[] = ["admin", "manager", "investigator", "legal"];

for (const role of roles) {
  test(`signs in through the OpenID provider as ${role}`, async ({ page }) => {
    const user = SSO_USERS[role];
    await signInWithProvider(page, user);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    const scope = role === "admin" || role === "manager" ? "every case" : "the cases you work on";
    await expect(page.getByText(`Where the investigations stand, across ${scope}.`)).toBeVisible();
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: user.email, name: user.name, role });
  });
}

test("refuses a provider account whose groups map to no role, and says why", async ({ page }) => {
  await signInWithProvider(page, SSO_USERS.unmapped);
  await expect(page).toHaveURL(/\/login\?error=sso_no_role/);
  await expect(
    page.getByRole("alert").filter({ hasText: "Your Test IdP account has no Casework role." }),
  ).toBeVisible();
  expect((await page.request.get("/api/me")).status()).toBe(401);
});

test("refuses an account disabled in Casework whatever the provider says", async ({ page, request }) => {
  // The provider user's Casework account exists (made by an admin) and is disabled.
  const admin = { authorization: `Bearer ${e2eAdmin.token}` };
  const created = await request.post("/api/users", {
    data: {
      email: SSO_USERS.disabled.email,
      name: SSO_USERS.disabled.name,
      role: "investigator",
      password: TEST_PASSWORD,
    },
    headers: admin,
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const disabled = await request.patch(`/api/users/${id}`, { data: { disabled: true }, headers: admin });
  expect(disabled.status(), await disabled.text()).toBe(200);

  await signInWithProvider(page, SSO_USERS.disabled);
  await expect(page).toHaveURL(/\/login\?error=sso_disabled/);
  await expect(page.getByRole("alert").filter({ hasText: "Your Casework account is disabled." })).toBeVisible();
  expect((await page.request.get("/api/me")).status()).toBe(401);
});
