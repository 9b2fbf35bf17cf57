import type { Locator, Page } from 'playwright-core';
import { dropFiles, type DroppedFile } from './file-drop.js';

type Kind = 'to' | 'cc' | 'bcc';

/** The composer's recipient fields, attachments panel and send options, as a person uses them. */
export class ComposeFieldsPage {
  constructor(readonly page: Page) {}

  field(kind: Kind): Locator {
    return this.page.getByTestId(`recipients-${kind}`);
  }

  input(kind: Kind): Locator {
    return this.field(kind).getByRole('combobox');
  }

  chip(kind: Kind, text: string): Locator {
    return this.field(kind).getByTestId('recipient-chip').filter({ hasText: text });
  }

  /** Each chip as "shown text|problem" ('' when none), in order. */
  async chips(kind: Kind): Promise<string[]> {
    return this.field(kind)
      .getByTestId('recipient-chip')
      .evaluateAll((chips) => chips.map((c) => `${c.querySelector('[data-testid="recipient-chip-text"]')?.textContent}|${c.getAttribute('data-problem') ?? ''}`));
  }

  problems(kind: Kind): Promise<string[]> {
    return this.field(kind).getByTestId('recipient-problem').allTextContents();
  }

  suggestions(kind: Kind): Locator {
    return this.field(kind).getByRole('option');
  }

  /** The suggestion the combobox points at (aria-activedescendant), as its text. */
  async activeSuggestion(kind: Kind): Promise<string | null> {
    const id = await this.input(kind).getAttribute('aria-activedescendant');
    return id ? this.page.locator(`[id="${id}"]`).textContent() : null;
  }

  status(kind: Kind): Locator {
    return this.field(kind).getByRole('status');
  }

  /** Text pasted into a field, as the clipboard delivers it. */
  async paste(kind: Kind, text: string): Promise<void> {
    await this.input(kind).focus();
    await this.input(kind).evaluate((el, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  get attachments(): Locator {
    return this.page.getByTestId('compose-attachments');
  }

  attachment(name: string): Locator {
    return this.attachments.locator(`[data-testid="compose-attachment"][data-name="${name}"]`);
  }

  /** Attached files as "name|size", in order. */
  async attachmentRows(): Promise<string[]> {
    return this.attachments.getByTestId('compose-attachment').evaluateAll((rows) =>
      rows.map((r) => `${(r.querySelector('[data-testid="compose-attachment-name"]') as HTMLInputElement).value}|${r.querySelector('[data-testid="compose-attachment-size"]')?.textContent}`),
    );
  }

  async attachFiles(files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
    await this.attachments.getByTestId('compose-file-input').setInputFiles(files);
  }

  /** Files dropped from the desktop onto `target`. */
  dropFiles(target: Locator, files: DroppedFile[]): Promise<void> {
    return dropFiles(this.page, target, files);
  }

  get total(): Locator {
    return this.attachments.getByTestId('compose-attachments-total');
  }

  get over(): Locator {
    return this.attachments.getByTestId('compose-attachments-over');
  }

  get crmDialog(): Locator {
    return this.page.getByTestId('compose-crm-documents');
  }

  get options(): Locator {
    return this.page.getByTestId('compose-send-options');
  }

  get later(): Locator {
    return this.page.getByTestId('compose-send-later');
  }

  get laterSummary(): Locator {
    return this.page.getByTestId('send-later-summary');
  }
}
