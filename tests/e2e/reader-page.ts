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
}
