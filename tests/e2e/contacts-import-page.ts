import type { Locator, Page } from 'playwright-core';

/** The contacts import dialog, as a person sees it: a file input, the preview with its mapping, then the report. */
export class ContactsImportPage {
  constructor(readonly page: Page) {}

  get openButton(): Locator {
    return this.page.getByTestId('contacts-import-open');
  }

  get dialog(): Locator {
    return this.page.getByTestId('contacts-import-dialog');
  }

  async chooseFile(name: string, content: Buffer, mimeType = 'text/csv'): Promise<void> {
    await this.dialog.getByTestId('contacts-import-file').setInputFiles({ name, mimeType, buffer: content });
  }

  get preview(): Locator {
    return this.dialog.getByTestId('contacts-import-preview');
  }

  /** The mapping's select for the column with this header. */
  field(header: string): Locator {
    return this.dialog.getByTestId('contacts-import-mapping').locator(`tr[data-column="${header}"]`).getByTestId('contacts-import-field');
  }

  get encoding(): Locator {
    return this.dialog.getByTestId('contacts-import-encoding');
  }

  previewRow(row: number): Locator {
    return this.dialog.getByTestId('contacts-import-preview-rows').locator(`tr[data-row="${row}"]`);
  }

  /** The counts shown (preview or report), by name: created, merged, unchanged, skipped, companies, linked. */
  async counts(): Promise<Record<string, number>> {
    const items = this.dialog.getByTestId('contacts-import-counts').locator('li');
    const out: Record<string, number> = {};
    for (const li of await items.all()) out[(await li.getAttribute('data-count'))!] = Number(await li.getAttribute('data-value'));
    return out;
  }

  get problem(): Locator {
    return this.dialog.getByTestId('contacts-import-problem');
  }

  async run(): Promise<void> {
    await this.dialog.getByTestId('contacts-import-run').click();
    await this.report.waitFor();
  }

  get report(): Locator {
    return this.dialog.getByTestId('contacts-import-report');
  }

  reportRow(row: number): Locator {
    return this.report.getByTestId('contacts-import-report-rows').locator(`tr[data-row="${row}"]`);
  }

  async close(): Promise<void> {
    await this.dialog.getByTestId('contacts-import-close').click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
