import type { Locator, Page } from 'playwright-core';

/** Group mailings as a person sees them: the dialog that starts one, and the Mailings section's view of it. */
export class MailingsPage {
  constructor(readonly page: Page) {}

  /** "Send a mailing…" in a CRM list's toolbar. */
  async openDialogFromList(): Promise<void> {
    await this.page.getByTestId('mailing-send').click();
    await this.dialog.waitFor();
  }

  get dialog(): Locator {
    return this.page.getByTestId('mailing-dialog');
  }

  /** "Recipients: 2 of 3 chosen". */
  get chosen(): Locator {
    return this.dialog.getByTestId('mailing-chosen');
  }

  choice(name: string): Locator {
    return this.dialog.getByTestId('mailing-choice').filter({ hasText: name }).getByRole('checkbox');
  }

  async chooseTemplate(name: string): Promise<void> {
    await this.dialog.getByTestId('mailing-template').selectOption({ label: name });
  }

  async setRate(perMinute: number): Promise<void> {
    await this.dialog.getByTestId('mailing-rate').fill(String(perMinute));
  }

  get previewSubject(): Locator {
    return this.dialog.getByTestId('mailing-preview-subject');
  }

  get previewMissing(): Locator {
    return this.dialog.getByTestId('mailing-preview-missing');
  }

  /** The preview's sandboxed frame, where the filled template is shown. */
  get previewBody(): Locator {
    return this.dialog.getByTestId('mailing-preview').frameLocator('iframe').locator('body');
  }

  async start(): Promise<void> {
    await this.dialog.getByTestId('mailing-start').click();
  }

  get view(): Locator {
    return this.page.getByTestId('mailing-view');
  }

  get state(): Locator {
    return this.view.getByTestId('mailing-state');
  }

  get progress(): Locator {
    return this.view.getByTestId('mailing-progress-text');
  }

  count(name: 'sent' | 'queued' | 'waiting' | 'skipped' | 'failed'): Locator {
    return this.view.getByTestId(`mailing-count-${name}`).locator('dd');
  }

  get recipients(): Locator {
    return this.view.getByTestId('mailing-recipient');
  }

  /** Each recipient's row as text: name, address, state. */
  async recipientRows(): Promise<string[][]> {
    const rows = await this.recipients.all();
    return Promise.all(rows.map(async (r) => (await r.locator('td').allInnerTexts()).map((t) => t.trim())));
  }

  get list(): Locator {
    return this.page.getByTestId('mailings-list');
  }

  get listRows(): Locator {
    return this.list.getByTestId('mailing-row');
  }
}
