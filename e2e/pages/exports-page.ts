import { expect, type Locator, type Page } from "@playwright/test";

/** The export control on a case page and the /exports list. */
export class ExportsPage {
  constructor(private readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole("region", { name: "Export evidence pack" });
  }

  async openOptions(): Promise<void> {
    await this.page.getByRole("button", { name: "Export evidence pack" }).click();
    await expect(this.page.getByRole("form", { name: "Evidence pack options" })).toBeVisible();
  }

  includeBox(exhibit: string): Locator {
    return this.page.getByRole("checkbox", { name: new RegExp(`^Include ${exhibit}\\b`) });
  }

  async start(): Promise<void> {
    await this.page.getByRole("button", { name: "Start export" }).click();
  }

  get progress(): Locator {
    return this.region.getByRole("progressbar");
  }

  rows(scope: Locator | Page = this.region): Locator {
    return scope.getByTestId("export-row");
  }

  async gotoList(): Promise<void> {
    await this.page.goto("/exports");
    await expect(this.page.getByRole("heading", { name: "Exports", level: 1 })).toBeVisible();
  }
}
