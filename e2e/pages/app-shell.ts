import type { Page } from "@playwright/test";

export class AppShell {
  constructor(private readonly page: Page) {}

  get nav() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  async navLabels(): Promise<string[]> {
    return (await this.nav.getByRole("link").allInnerTexts()).map((t) => t.trim());
  }

  get currentUser() {
    return this.page.getByTestId("current-user");
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign out" }).click();
  }
}
