import { expect, type Locator, type Page } from "@playwright/test";

/** The Remediation and Referrals tabs of a case page. */
export class RemediationTab {
  constructor(private readonly page: Page) {}

  get progress(): Locator {
    return this.page.getByRole("progressbar", { name: "Remediation progress" });
  }

  get tasks(): Locator {
    return this.page.getByRole("list", { name: "Remediation tasks" }).getByTestId("task");
  }

  async applyTemplate(): Promise<void> {
    await this.page.getByRole("button", { name: "Apply template: Suspected fake remote worker" }).click();
  }

  /** Marks the task done (with an optional note) or not applicable (with the reason). */
  async finish(task: Locator, how: "done" | "not_applicable", note: string): Promise<void> {
    if (how === "done") {
      await task.getByRole("button", { name: "Mark done" }).click();
      await task.getByLabel("Completion note (optional)").fill(note);
      await task.getByRole("button", { name: "Confirm done" }).click();
    } else {
      await task.getByRole("button", { name: "Not applicable" }).click();
      await task.getByLabel("Why does this task not apply?").fill(note);
      await task.getByRole("button", { name: "Confirm not applicable" }).click();
    }
    await expect(task.getByTestId("task-status")).toHaveText(how === "done" ? "Done" : "Not applicable");
  }

  referral(name: string): Locator {
    return this.page.getByRole("article", { name });
  }
}
