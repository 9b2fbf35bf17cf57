import type { Locator, Page } from 'playwright-core';

/** An account's signature dialog, opened from the account's menu in the folder tree. */
export class SignaturePage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('signature-dialog');
  }

  /** Right-click on the account's name, then "Signature…"; the editor is ready when this returns. */
  async open(accountName: string): Promise<void> {
    await this.page
      .getByTestId('folder-tree')
      .locator('[role="treeitem"][aria-level="1"]')
      .filter({ has: this.page.getByTestId('group-name').filter({ hasText: accountName }) })
      .getByTestId('group-name')
      .click({ button: 'right' });
    await this.page.getByTestId('context-menu').getByTestId('menu-signature').click();
    await this.editor.waitFor();
  }

  get editor(): Locator {
    return this.dialog.getByTestId('compose-body');
  }

  tool(name: 'bold' | 'italic' | 'underline' | 'link'): Locator {
    return this.dialog.getByTestId(`compose-tool-${name}`);
  }

  get images(): Locator {
    return this.editor.getByTestId('compose-inline-image');
  }

  position(value: 'above-quote' | 'below-quote'): Locator {
    return this.dialog.getByTestId(`signature-${value}`);
  }

  get problem(): Locator {
    return this.dialog.getByTestId('signature-problem');
  }

  /** A picture pasted from the clipboard (a logo copied from a website or an image viewer). */
  async pasteImage(name: string, type: string, bytes: Buffer): Promise<void> {
    await this.editor.evaluate(
      (el, { name, type, base64 }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name, { type }));
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      },
      { name, type, base64: bytes.toString('base64') },
    );
  }

  async save(): Promise<void> {
    await this.dialog.getByTestId('signature-save').click();
  }

  async cancel(): Promise<void> {
    await this.dialog.getByTestId('signature-cancel').click();
  }
}
