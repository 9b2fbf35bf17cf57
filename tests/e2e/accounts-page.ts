import type { Locator, Page } from 'playwright-core';

export type Side = 'incoming' | 'outgoing';

export interface ServerEntry {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
}

/** The "Add account" dialog, the account groups of the folder tree and the removal's confirmation, as a person uses them. */
export class AccountsPage {
  constructor(readonly page: Page) {}

  /** A fresh data folder may have no folders at all, so the top bar (not the tree) says the window is ready. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.addButton.waitFor();
  }

  get addButton(): Locator {
    return this.page.getByTestId('add-account');
  }

  get dialog(): Locator {
    return this.page.getByTestId('account-dialog');
  }

  get title(): Locator {
    return this.dialog.getByRole('heading', { level: 2 });
  }

  async openDialog(): Promise<void> {
    await this.addButton.click();
    await this.dialog.waitFor();
  }

  button(testId: string): Locator {
    return this.dialog.getByTestId(testId);
  }

  async enterAddress(email: string, name = ''): Promise<void> {
    await this.button('account-email').fill(email);
    await this.button('account-name').fill(name);
  }

  get nothingFound(): Locator {
    return this.button('discovery-none');
  }

  async findSettings(): Promise<void> {
    await this.button('find-settings').click();
  }

  async enterByHand(): Promise<void> {
    await this.button('by-hand').click();
    await this.button('settings-form').waitFor();
  }

  /** Security first: changing it moves a port that is still the default, never one typed by hand. */
  async fillServer(side: Side, entry: ServerEntry): Promise<void> {
    await this.button(`${side}-security`).selectOption(entry.security);
    await this.button(`${side}-host`).fill(entry.host);
    await this.button(`${side}-port`).fill(String(entry.port));
    await this.button(`${side}-username`).fill(entry.username);
  }

  async pasteCertificateAuthority(pem: string): Promise<void> {
    await this.button('ca-toggle').click();
    await this.button('account-ca').fill(pem);
  }

  async continueToPassword(): Promise<void> {
    await this.button('settings-continue').click();
    await this.button('account-password').waitFor();
  }

  async addAndTest(password: string): Promise<void> {
    await this.button('account-password').fill(password);
    await this.button('add-and-test').click();
    await this.button('outcomes').waitFor({ timeout: 30_000 });
  }

  outcome(side: Side): Locator {
    return this.button(`outcome-${side}`);
  }

  outcomeText(side: Side): Promise<string | null> {
    return this.outcome(side).getByTestId('outcome-text').textContent();
  }

  /** An account's top-level item in the folder tree, found by the name it shows. */
  accountGroup(name: string): Locator {
    return this.page
      .getByTestId('folder-tree')
      .locator('[role="treeitem"][aria-level="1"]')
      .filter({ has: this.page.getByTestId('group-name').filter({ hasText: name }) });
  }

  accountFolder(name: string, kind: string): Locator {
    return this.accountGroup(name).locator(`[data-kind="${kind}"]`);
  }

  accountStatus(name: string): Locator {
    return this.accountGroup(name).getByTestId('account-status');
  }

  /** What the status line shows; its spoken twin (for screen readers) says the same per phase, with the account. */
  accountStatusText(name: string): Promise<string | null> {
    return this.accountStatus(name).getByTestId('account-status-visible').textContent();
  }

  /** The engine's id of the account the tree shows under this name: an edit must keep it. */
  accountId(name: string): Promise<string | null> {
    return this.accountGroup(name).getAttribute('data-account-id');
  }

  get removeDialog(): Locator {
    return this.page.getByTestId('remove-dialog');
  }

  async openAccountMenu(name: string): Promise<Locator> {
    await this.accountGroup(name).getByTestId('group-name').click({ button: 'right' });
    const menu = this.page.getByTestId('context-menu');
    await menu.waitFor();
    return menu;
  }
}
