import type { Page } from "@playwright/test";

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async goto(search = ""): Promise<void> {
    await this.page.goto(`/${search ? `?${search}` : ""}`);
  }

  get period() {
    return this.page.getByLabel("Period");
  }

  chart(id: "open-cases" | "weekly" | "referrals" | "red-flags") {
    return this.page.getByTestId(`chart-${id}`);
  }

  /** A bar segment of a chart, named by its data-segment (e.g. "triage:critical"). */
  segment(id: "open-cases" | "weekly", name: string) {
    return this.chart(id).locator(`[data-segment="${name}"]`);
  }

  get summaryText() {
    return this.page.getByTestId("weekly-summary");
  }
}
