import type { Locator, Page } from 'playwright-core';

/** The import window: the path and target step, the progress, and the report. */
export class ImportPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('import-dialog');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-import').click();
    await this.dialog.waitFor();
  }

  async importPath(path: string): Promise<void> {
    await this.dialog.getByTestId('import-path').fill(path);
    await this.dialog.getByTestId('import-start').click();
  }

  get report(): Locator {
    return this.dialog.getByTestId('import-report');
  }

  reportRow(path: string): Locator {
    return this.report.locator(`[data-testid="import-report-row"][data-path="${path}"]`);
  }

  /** found, imported, duplicates, variants, failed of a report line. */
  async counts(path: string): Promise<number[]> {
    return (await this.reportRow(path).locator('td').allTextContents()).map(Number);
  }

  get problem(): Locator {
    return this.dialog.getByTestId('import-problem');
  }

  async close(): Promise<void> {
    await this.dialog.getByTestId('import-close').click();
  }

  /** Drops files from "the desktop" on an element, as the browser hands them to the page. */
  async dropFiles(target: Locator, files: Array<{ name: string; bytes: Buffer; type: string }>): Promise<void> {
    const data = await this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      return transfer;
    }, files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') })));
    for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: data });
  }
}
