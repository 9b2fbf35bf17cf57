import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The reading pane's body and what surrounds it: the remote content bar, the link status line, the dialogs. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.getByTestId('reading-pane');
  }

  get frame(): Locator {
    return this.pane.getByTestId('message-body-frame');
  }

  body(): FrameLocator {
    return this.pane.frameLocator('[data-testid="message-body-frame"]');
  }

  get text(): Locator {
    return this.pane.getByTestId('message-body-text');
  }

  get remoteBar(): Locator {
    return this.pane.getByTestId('remote-bar');
  }

  get remoteCount(): Locator {
    return this.pane.getByTestId('remote-count');
  }

  async loadRemoteOnce(): Promise<void> {
    await this.pane.getByTestId('remote-load').click();
  }

  async loadRemoteAlways(): Promise<void> {
    await this.pane.getByTestId('remote-always').click();
  }

  get blockAgain(): Locator {
    return this.pane.getByTestId('remote-block-again');
  }

  get linkStatus(): Locator {
    return this.pane.getByTestId('link-status');
  }

  get linkTarget(): Locator {
    return this.pane.getByTestId('link-status-target');
  }

  get linkDialog(): Locator {
    return this.page.getByTestId('link-dialog');
  }

  async togglePlainText(): Promise<void> {
    await this.pane.getByTestId('reader-plain-text').click();
  }

  async showSource(): Promise<void> {
    await this.pane.getByTestId('reader-show-source').click();
  }

  get sourceText(): Locator {
    return this.page.getByTestId('source-text');
  }

  async closeSource(): Promise<void> {
    await this.page.getByTestId('source-close').click();
  }

  // Actions on the open message (ReaderActions). In a message window the same buttons live in `scope`.

  get actions(): Locator {
    return this.pane.getByTestId('reader-actions');
  }

  action(name: 'delete' | 'junk' | 'star' | 'read' | 'print' | 'open-window'): Locator {
    return this.pane.getByTestId(`reader-${name}`);
  }

  get deleteForeverDialog(): Locator {
    return this.page.getByTestId('confirm-dialog');
  }

  // Attachments

  get attachments(): Locator {
    return this.pane.getByTestId('attachment-item');
  }

  attachment(name: string): Locator {
    return this.attachments.filter({ has: this.page.getByTestId('attachment-name').getByText(name, { exact: true }) });
  }

  thumbnail(name: string): Locator {
    return this.attachment(name).getByTestId('attachment-thumbnail');
  }

  async openAttachment(name: string): Promise<void> {
    await this.attachment(name).getByTestId('attachment-open').click();
  }

  async saveAttachment(name: string): Promise<void> {
    await this.attachment(name).getByTestId('attachment-save').click();
  }

  async saveAll(): Promise<void> {
    await this.pane.getByTestId('attachments-save-all').click();
  }

  get programDialog(): Locator {
    return this.page.getByTestId('confirm-dialog');
  }

  /** The document the Print button prints from (print-message.ts). */
  get printFrame(): Locator {
    return this.page.getByTestId('print-frame');
  }

  printed(): FrameLocator {
    return this.page.frameLocator('[data-testid="print-frame"]');
  }
}

/** The same reader, in a message window: the whole page is the message. */
export class MessageWindowPage extends ReaderPage {
  override get pane(): Locator {
    return this.page.getByTestId('message-window');
  }
}
