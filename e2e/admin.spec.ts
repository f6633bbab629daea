import { expect, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { e2eAdmin } from "./fixtures/env";

test.describe("administration", () => {
  test("an admin adds a user, changes their role and disables them", async ({ page, request }) => {
    const admin = await createUser(request, "admin");
    await signInViaApi(page, admin);
    await page.goto("/admin");
    const form = page.getByRole("form", { name: "Add a user" });

    await form.getByLabel("Name").fill("");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("Name is required")).toBeVisible();

    const name = unique("Analyst");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Email").fill(`${name.toLowerCase()}@example.test`);
    await form.getByLabel("Role").selectOption("legal");
    await form.getByLabel("Initial password").fill("a long initial password");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText(`${name} (${name.toLowerCase()}@example.test) was added as legal.`)).toBeVisible();

    const row = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: name });
    await expect(row).toBeVisible();
    await row.getByLabel(`Role of ${name}`).selectOption("manager");
    await expect(row.getByLabel(`Role of ${name}`)).toHaveValue("manager");
    await row.getByRole("button", { name: `Disable ${name}` }).click();
    await expect(row.getByText("disabled")).toBeVisible();

    await page.reload();
    const reloaded = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: name });
    await expect(reloaded.getByLabel(`Role of ${name}`)).toHaveValue("manager");
    await expect(reloaded.getByText("disabled")).toBeVisible();
  });

  test("a user creates an API token that works once copied, and revoking it stops it", async ({
    page,
    request,
    playwright,
  }) => {
    const user = await createUser(request, "investigator");
    await signInViaApi(page, user);
    await page.goto("/account");
    await page.getByLabel("Token name").fill("nightly sync");
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = (await page.getByTestId("new-token").innerText()).trim();
    expect(secret).toMatch(/^cwk_/);

    const api = await playwright.request.newContext({ baseURL: page.url().replace(/\/account$/, "") });
    const me = await api.get("/api/me", { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(user.email);

    const row = page.getByRole("table", { name: "API tokens" }).getByRole("row").filter({ hasText: "nightly sync" });
    await row.getByRole("button", { name: "Revoke nightly sync" }).click();
    await expect(row.getByText("revoked")).toBeVisible();
    const after = await api.get("/api/me", { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status()).toBe(401);
    await api.dispose();
  });

  test("the API refuses bad input with the error shape and writes nothing", async ({ request }) => {
    const auth = { authorization: `Bearer ${e2eAdmin.token}` };
    const email = `${unique("bad")}@example.test`;
    const unknownField = await request.post("/api/users", {
      data: { email, name: "X", role: "legal", password: "long enough password", admin: true },
      headers: auth,
    });
    expect(unknownField.status()).toBe(400);
    const body = (await unknownField.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("bad_request");

    const malformed = await request.post("/api/users", {
      data: "{not json",
      headers: { ...auth, "content-type": "application/json" },
    });
    expect(malformed.status()).toBe(400);

    const list = await request.get("/api/users", { headers: auth });
    const users = ((await list.json()) as { items: { email: string }[] }).items;
    expect(users.some((u) => u.email === email)).toBe(false);
  });
});
