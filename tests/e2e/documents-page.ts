import type { Locator, Page } from 'playwright-core';
import { dropFiles, type DroppedFile } from './file-drop.js';

/** "File in documents…" on an attachment, its dialog, and a record's documents panel, as a person sees them. */
export class DocumentsPage {
  constructor(readonly page: Page) {}

  fileButton(attachmentName: string): Locator {
    return this.page.getByTestId('attachment-item').filter({ hasText: attachmentName }).getByTestId('attachment-file-in-documents');
  }

  get dialog(): Locator {
    return this.page.getByTestId('file-in-documents-dialog');
  }

  get linkedRecords(): Locator {
    return this.dialog.getByTestId('file-linked-record');
  }

  async searchRecord(type: string, query: string, hit: string): Promise<void> {
    await this.dialog.getByTestId('file-other-record').check();
    await this.dialog.getByTestId('file-record-type').selectOption(type);
    await this.dialog.getByTestId('file-record-search').fill(query);
    await this.dialog.locator('label', { hasText: hit }).getByTestId('file-record-hit').check();
  }

  get folderSelect(): Locator {
    return this.dialog.getByTestId('folder-choice-select');
  }

  async newFolder(path: string): Promise<void> {
    await this.folderSelect.selectOption({ label: 'New folder…' });
    await this.dialog.getByTestId('folder-choice-path').fill(path);
  }

  get problem(): Locator {
    return this.dialog.getByRole('alert');
  }

  get name(): Locator {
    return this.dialog.getByTestId('file-in-documents-name');
  }

  get ok(): Locator {
    return this.dialog.getByTestId('file-in-documents-ok');
  }

  get done(): Locator {
    return this.dialog.getByTestId('file-in-documents-done');
  }

  async close(): Promise<void> {
    await this.dialog.getByTestId('file-in-documents-close').click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async openRecord(): Promise<void> {
    await this.dialog.getByTestId('file-in-documents-open-record').click();
    await this.panel.waitFor();
  }

  get panel(): Locator {
    return this.page.getByTestId('documents-panel');
  }

  folder(path: string): Locator {
    return this.panel.locator(`[data-testid="documents-folder"][data-path="${path}"]`);
  }

  file(name: string): Locator {
    return this.panel.locator(`[data-testid="documents-file"][data-name="${name}"]`);
  }

  get status(): Locator {
    return this.panel.getByTestId('documents-status');
  }

  /** Folder rows as "path=count", in tree order. */
  async folders(): Promise<string[]> {
    return this.panel.getByTestId('documents-folder').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-path')}=${r.querySelector('.documents-count')?.textContent}`));
  }

  async fileNames(): Promise<string[]> {
    return this.panel.getByTestId('documents-file').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name') ?? ''));
  }

  async answerName(name: string): Promise<void> {
    const dialog = this.page.getByTestId('name-dialog');
    await dialog.getByTestId('name-input').fill(name);
    await dialog.getByTestId('name-ok').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Files dropped from the desktop onto `target`. */
  dropFiles(target: Locator, files: DroppedFile[]): Promise<void> {
    return dropFiles(this.page, target, files);
  }
}
