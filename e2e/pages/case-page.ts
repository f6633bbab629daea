import { expect, type Page } from "@playwright/test";

export class CasePage {
  constructor(private readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await this.page.goto(`/cases/${id}`);
    await expect(this.page.getByTestId("case-ref")).toBeVisible();
  }

  get status() {
    return this.page.getByTestId("case-status").first();
  }

  /** Clicks a workflow button; when the move needs a reason, fills it and confirms. */
  async move(button: string | RegExp, reason?: string): Promise<void> {
    await this.page.getByRole("group", { name: "Move the case" }).getByRole("button", { name: button }).click();
    if (reason !== undefined) {
      await this.page.locator("#transition-reason").fill(reason);
      await this.page.getByRole("button", { name: /^Confirm/ }).click();
    }
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole("tab", { name }).click();
  }

  activityItems() {
    return this.page.getByTestId("activity-item");
  }

  async editTitle(title: string): Promise<void> {
    await this.page.getByRole("button", { name: "Edit details" }).click();
    const form = this.page.getByRole("form", { name: "Edit case details" });
    await form.getByLabel("Title").fill(title);
    await form.getByRole("button", { name: "Save changes" }).click();
  }
}
