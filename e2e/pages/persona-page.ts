import { expect, type Page } from "@playwright/test";

export class PersonaPage {
  constructor(private readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await this.page.goto(`/personas/${id}`);
    await expect(this.page.getByTestId("persona-name")).toBeVisible();
  }

  get name() {
    return this.page.getByTestId("persona-name");
  }

  async addIdentifier(type: string, value: string): Promise<void> {
    const form = this.page.getByRole("form", { name: "Add an identifier" });
    await form.getByLabel("Type").selectOption(type);
    await form.getByLabel("Value").fill(value);
    await form.getByRole("button", { name: "Add identifier" }).click();
  }

  graphNodes() {
    return this.page.getByRole("table", { name: "Graph nodes" });
  }

  graphEdges() {
    return this.page.getByRole("table", { name: "Graph edges" });
  }
}
