import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The three-pane mailbox window, as a person sees it. */
export class MailboxPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.tree.waitFor();
  }

  get tree(): Locator {
    return this.page.getByTestId('folder-tree');
  }

  folderOfKind(kind: string): Locator {
    return this.tree.locator(`[data-kind="${kind}"]`).first();
  }

  async openFolder(kind: string): Promise<void> {
    await this.folderOfKind(kind).click();
  }

  get rows(): Locator {
    return this.page.getByTestId('message-row');
  }

  row(subject: string): Locator {
    return this.rows.filter({ hasText: subject });
  }

  async openMessage(subject: string): Promise<void> {
    await this.row(subject).click();
    await this.reader.subject.filter({ hasText: subject }).waitFor();
  }

  get reader() {
    const pane = this.page.getByTestId('reading-pane');
    return {
      pane,
      subject: pane.getByTestId('reader-subject'),
      from: pane.getByTestId('reader-from'),
      to: pane.getByTestId('reader-to'),
      date: pane.getByTestId('reader-date'),
      attachments: pane.getByTestId('attachment-item'),
      malformedBanner: pane.getByTestId('malformed-banner'),
      text: pane.getByTestId('message-body-text'),
      frame: pane.getByTestId('message-body-frame'),
      body: (): FrameLocator => pane.frameLocator('[data-testid="message-body-frame"]'),
    };
  }

  get language(): Locator {
    return this.page.getByTestId('language-select');
  }
}
