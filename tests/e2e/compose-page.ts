import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The composer, in its own window: headers, the body editor, the quote and signature blocks, and the actions. */
export class ComposePage {
  constructor(readonly page: Page) {}

  /** Runs what opens the composer from `opener` (a click) and returns the composer's window, ready. */
  static async openedBy(opener: Page, open: () => Promise<void>): Promise<ComposePage> {
    const [popup] = await Promise.all([opener.waitForEvent('popup'), open()]);
    const composer = new ComposePage(popup);
    await composer.ready();
    return composer;
  }

  get window(): Locator {
    return this.page.getByTestId('compose-window');
  }

  async ready(): Promise<void> {
    await this.page.locator('[data-testid="compose-window"][data-phase="ready"]').waitFor();
  }

  recipients(kind: 'to' | 'cc' | 'bcc'): Locator {
    return this.window.getByTestId(`recipients-${kind}`);
  }

  chips(kind: 'to' | 'cc' | 'bcc'): Locator {
    return this.recipients(kind).getByTestId('recipient-chip');
  }

  /** Each chip's whole entry ("Name <address>"), as its title shows it. */
  async recipientEntries(kind: 'to' | 'cc' | 'bcc'): Promise<string[]> {
    return this.chips(kind).getByTestId('recipient-chip-text').evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''));
  }

  async addRecipient(kind: 'to' | 'cc' | 'bcc', address: string): Promise<void> {
    const input = this.recipients(kind).getByTestId('recipient-input');
    await input.fill(address);
    await input.press('Enter');
    await this.chips(kind).filter({ hasText: address }).waitFor();
  }

  get from(): Locator {
    return this.window.getByTestId('compose-from');
  }

  get subject(): Locator {
    return this.window.getByTestId('compose-subject');
  }

  get subjectProblem(): Locator {
    return this.window.getByTestId('compose-subject-problem');
  }

  get body(): Locator {
    return this.window.getByTestId('compose-body');
  }

  tool(name: 'bold' | 'italic' | 'underline' | 'bullets' | 'numbers' | 'quote' | 'link' | 'table' | 'image'): Locator {
    return this.window.getByTestId(`compose-tool-${name}`);
  }

  /** A picture pasted from the clipboard (a screenshot): only the file, as the system clipboard gives it. */
  async pasteImage(name: string, type: string, bytes: Buffer): Promise<void> {
    await this.body.evaluate(
      (el, { name, type, base64 }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name, { type }));
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      },
      { name, type, base64: bytes.toString('base64') },
    );
  }

  get inlineImages(): Locator {
    return this.body.getByTestId('compose-inline-image');
  }

  get quote(): Locator {
    return this.window.getByTestId('compose-quote');
  }

  quoteFrame(): FrameLocator {
    return this.quote.frameLocator('[data-testid="message-body-frame"]');
  }

  get signature(): Locator {
    return this.window.getByTestId('compose-signature');
  }

  signatureFrame(): FrameLocator {
    return this.signature.frameLocator('[data-testid="message-body-frame"]');
  }

  get saveStatus(): Locator {
    return this.window.getByTestId('compose-save-status');
  }

  async send(): Promise<void> {
    await this.window.getByTestId('compose-send').click();
  }

  async save(): Promise<void> {
    await this.window.getByTestId('compose-save').click();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('compose-close').click();
  }

  get closeDialog(): Locator {
    return this.page.getByTestId('compose-close-dialog');
  }

  get sendError(): Locator {
    return this.window.getByTestId('compose-send-error');
  }

  /** The test id of the focused element, to say where the focus went. */
  focusedTestId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  }
}
