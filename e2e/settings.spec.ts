import { expect, test } from "@playwright/test";
import { createUser, signInViaApi } from "./fixtures/api";
import { e2eAdmin } from "./fixtures/env";

test.describe("organisation settings", () => {
  test("an admin sets the default phone region, sees a bad one refused, and clears it", async ({ page, request }) => {
    const admin = await createUser(request, "admin");
    await signInViaApi(page, admin);
    await page.goto("/admin");
    const form = page.getByRole("form", { name: "Organisation settings" });
    const region = form.getByLabel("Default phone region");

    await region.fill("ZZ");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByText("A two-letter country code such as US or GB")).toBeVisible();
    await expect(region).toHaveAttribute("aria-invalid", "true");

    try {
      await region.fill("gb");
      await region.press("Enter");
      await expect(form.getByText("Saved: numbers without a country code are read as GB numbers.")).toBeVisible();
      await page.reload();
      await expect(
        page.getByRole("form", { name: "Organisation settings" }).getByLabel("Default phone region"),
      ).toHaveValue("GB");
      await expect(page.getByText(`Last saved by ${admin.name}`)).toBeVisible();
    } finally {
      const cleared = await request.put("/api/admin/settings", {
        data: { defaultPhoneRegion: null },
        headers: { authorization: `Bearer ${e2eAdmin.token}` },
      });
      expect(cleared.status()).toBe(200);
    }
    await page.reload();
    await expect(
      page.getByRole("form", { name: "Organisation settings" }).getByLabel("Default phone region"),
    ).toHaveValue("");
  });
});
