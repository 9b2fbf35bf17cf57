import type { Locator, Page } from 'playwright-core';

/** The reader's receipt and delivery lines: the request bar with its two answers, the read and bounce notes. */
export class ReceiptsPage {
  constructor(readonly page: Page) {}

  private get pane(): Locator {
    return this.page.getByTestId('reading-pane');
  }

  get request(): Locator {
    return this.pane.getByTestId('receipts-request');
  }

  async send(): Promise<void> {
    await this.request.getByTestId('receipts-send').click();
  }

  async decline(): Promise<void> {
    await this.request.getByTestId('receipts-decline').click();
  }

  /** The engine's reason when the receipt could not be sent. */
  get problem(): Locator {
    return this.request.getByTestId('receipts-problem');
  }

  get queued(): Locator {
    return this.pane.getByTestId('receipts-queued');
  }

  get read(): Locator {
    return this.pane.getByTestId('receipts-read');
  }

  get bounce(): Locator {
    return this.pane.getByTestId('receipts-bounce');
  }

  /** A folder's row in the tree, by its id (account folders share names like "INBOX" with Local Folders'). */
  async openFolder(folderId: number): Promise<void> {
    await this.page.getByTestId(`folder-${folderId}`).getByTestId('folder-row').first().click();
  }
}
