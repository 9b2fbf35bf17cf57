import type { Locator, Page } from 'playwright-core';

/** The folder tree: views, folders by name, their menus, and the name dialog. */
export class FolderTreePage {
  constructor(readonly page: Page) {}

  get tree(): Locator {
    return this.page.getByTestId('folder-tree');
  }

  view(view: 'inboxes' | 'last-received' | 'last-sent'): Locator {
    return this.page.getByTestId(`view-${view}`);
  }

  /** A folder's own row (not its subfolders'), by the name shown. */
  row(name: string): Locator {
    return this.tree.locator(this.rowOf(name));
  }

  private rowOf(name: string): Locator {
    return this.page.getByTestId('folder-row').filter({ has: this.page.locator('.tree-name', { hasText: new RegExp(`^${name}$`) }) });
  }

  /** The tree item holding a folder and its subfolders: the innermost item that has the folder's row. */
  item(name: string): Locator {
    return this.tree.locator('[role="treeitem"]').filter({ has: this.rowOf(name) }).last();
  }

  async menu(name: string, action: string): Promise<void> {
    await this.row(name).click({ button: 'right' });
    await this.page.getByTestId(`menu-${action}`).click();
  }

  async localMenu(action: string): Promise<void> {
    await this.page.getByTestId('account-local').locator('.tree-account').click({ button: 'right' });
    await this.page.getByTestId(`menu-${action}`).click();
  }

  async answerName(name: string): Promise<void> {
    const dialog = this.page.getByTestId('name-dialog');
    await dialog.getByTestId('name-input').fill(name);
    await dialog.getByTestId('name-ok').click();
    await dialog.waitFor({ state: 'detached' });
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('confirm-ok').click();
  }

  /** The names of a folder's subfolders, in tree order. */
  async childrenOf(name: string): Promise<string[]> {
    return this.item(name).evaluate((el) =>
      [...el.querySelectorAll(':scope > [role="group"] > [role="treeitem"] > .tree-row .tree-name')].map((n) => n.textContent ?? ''),
    );
  }
}
