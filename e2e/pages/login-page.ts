import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/login");
    await expect(this.page.getByRole("heading", { name: "Sign in to Casework" })).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    // The answer to an earlier try resets the form when React commits it, which can come after the
    // response itself: fill only once the form is idle again, or the reset wipes what was typed.
    const submit = this.page.getByRole("button", { name: "Sign in", exact: true });
    await expect(submit).toBeEnabled();
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await submit.click();
  }

  /** Next's route announcer also has role=alert, so look for the form's own alert by text. */
  errorMessage(text: string | RegExp) {
    return this.page.getByRole("alert").filter({ hasText: text });
  }
}
