import type { Locator, Page } from 'playwright-core';

/** The message list: its rows, column titles, toolbar, row menu and the dialogs its actions open. */
export class MessageListPage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByTestId('message-list');
  }

  get rows(): Locator {
    return this.page.getByTestId('message-row');
  }

  row(subject: string): Locator {
    return this.rows.filter({ hasText: subject });
  }

  /** The subjects on screen, top to bottom. */
  async subjects(): Promise<string[]> {
    return this.rows.locator('.col-subject').allTextContents();
  }

  async selectedSubjects(): Promise<string[]> {
    return this.rows.and(this.page.locator('[aria-selected="true"]')).locator('.col-subject').allTextContents();
  }

  column(id: string): Locator {
    return this.page.getByTestId(`column-${id}`);
  }

  async sortBy(id: string): Promise<void> {
    await this.column(id).getByRole('button').click();
  }

  tool(command: string): Locator {
    return this.page.getByTestId(`list-${command}`);
  }

  get selectionCount(): Locator {
    return this.page.getByTestId('selection-count');
  }

  async rightClick(subject: string): Promise<void> {
    await this.row(subject).click({ button: 'right' });
  }

  menuItem(id: string): Locator {
    return this.page.getByTestId(`menu-${id}`);
  }

  get picker() {
    const dialog = this.page.getByTestId('folder-picker');
    return {
      dialog,
      filter: dialog.getByTestId('picker-filter'),
      options: dialog.getByTestId('picker-option'),
      ok: dialog.getByTestId('picker-ok'),
    };
  }

  get confirm() {
    const dialog = this.page.getByTestId('confirm-dialog');
    return { dialog, ok: dialog.getByTestId('confirm-ok'), cancel: dialog.getByTestId('confirm-cancel') };
  }

  async chooseColumn(id: string): Promise<void> {
    await this.page.getByTestId('column-chooser').click();
    await this.menuItem(`column-${id}`).click();
  }

  /**
   * A key as a keyboard with another layout sends it: `key` is the character the key types, `code` where the key
   * sits (AZERTY's A is where QWERTY has Q). Sent through the DevTools protocol, which lets the two differ.
   */
  async pressOnLayout(key: string, code: string, modifiers: { ctrl?: boolean; shift?: boolean } = {}): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    const mask = (modifiers.ctrl ? 2 : 0) | (modifiers.shift ? 8 : 0);
    const keyCode = code.startsWith('Key') ? code.charCodeAt(3) : 0;
    for (const type of ['rawKeyDown', 'keyUp'] as const) {
      await cdp.send('Input.dispatchKeyEvent', { type, key, code, modifiers: mask, windowsVirtualKeyCode: keyCode });
    }
    await cdp.detach();
  }
}
