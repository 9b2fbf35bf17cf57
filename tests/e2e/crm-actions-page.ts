import type { Locator, Page } from 'playwright-core';

/** The reader's CRM line (menu, the email's ticket, tasks, notes) and the dialogs its menu opens. */
export class CrmActionsPage {
  constructor(
    readonly page: Page,
    /** The reading pane, or a message window's page. */
    readonly scope: Locator = page.getByTestId('reading-pane'),
  ) {}

  get line(): Locator {
    return this.scope.getByTestId('crm-actions');
  }

  get menuButton(): Locator {
    return this.scope.getByTestId('crm-menu-button');
  }

  /** Opens the CRM menu and runs one of its items ('ticket', 'task', 'event', 'note', 'add-sender', …). */
  async choose(item: string): Promise<void> {
    await this.menuButton.click();
    await this.page.getByTestId(`menu-crm-${item}`).click();
  }

  /** The email's ticket, as the links panel names it. */
  get ticketChip(): Locator {
    return this.scope.locator('[data-testid="crm-link"][data-type="ticket"] [data-testid="crm-link-name"]');
  }

  get taskChips(): Locator {
    return this.scope.locator('[data-testid="crm-link"][data-type="task"] [data-testid="crm-link-name"]');
  }

  get notes(): Locator {
    return this.scope.getByTestId('crm-note');
  }

  get blacklisted(): Locator {
    return this.scope.getByTestId('crm-blacklisted');
  }

  dialog(kind: 'ticket' | 'task' | 'event' | 'note' | 'stands-for'): Locator {
    return this.page.getByTestId(`crm-${kind}-dialog`);
  }

  /** The dialog's main button (Open ticket, Attach, Create task, Leave note…). */
  ok(dialog: Locator): Locator {
    return dialog.getByTestId('crm-dialog-ok');
  }

  problem(dialog: Locator): Locator {
    return dialog.getByTestId('crm-dialog-problem');
  }

  hits(dialog: Locator, search: string): Locator {
    return dialog.getByTestId(`${search}-hit`);
  }

  /** The outcome line an action leaves at the bottom of the window. */
  get notice(): Locator {
    return this.page.getByTestId('notice-text');
  }
}
