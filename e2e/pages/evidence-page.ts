import { expect, type Page } from "@playwright/test";

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The Evidence tab of a case and the page of one item. */
export class EvidencePage {
  constructor(private readonly page: Page) {}

  async gotoCaseTab(caseId: string): Promise<void> {
    await this.page.goto(`/cases/${caseId}?tab=evidence`);
    await expect(this.page.getByRole("heading", { name: "Exhibits" })).toBeVisible();
  }

  /** What dropping files on the drop zone does: hand them to its file input. */
  async addFiles(files: UploadFile[]): Promise<void> {
    await this.page.getByLabel("Choose evidence files").setInputFiles(files);
  }

  uploadItem(fileName: string) {
    return this.page.getByRole("listitem", { name: `Upload of ${fileName}` });
  }

  progress(fileName: string) {
    return this.page.getByRole("progressbar", { name: `Progress of ${fileName}` });
  }

  get rows() {
    return this.page.getByRole("table", { name: "Evidence" }).getByTestId("evidence-row");
  }

  row(title: string) {
    return this.rows.filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }

  get custodyRows() {
    return this.page.getByRole("table", { name: "Custody log" }).getByTestId("custody-row");
  }

  async openItem(title: string): Promise<void> {
    await this.page.getByRole("link", { name: title, exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText(title);
  }
}
