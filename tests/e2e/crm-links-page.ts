import type { Locator, Page } from 'playwright-core';

/**
 * The reader's CRM line (the records an email is filed under), its "Link to…" search and its quick-create form.
 * `scope` is the reading pane, or the whole page of a message window.
 */
export class CrmLinksPage {
  constructor(
    readonly page: Page,
    readonly scope: Locator = page.getByTestId('reading-pane'),
  ) {}

  get panel(): Locator {
    return this.scope.getByTestId('crm-links');
  }

  get links(): Locator {
    return this.panel.getByTestId('crm-link');
  }

  link(name: string): Locator {
    return this.links.filter({ has: this.page.getByTestId('crm-link-name').getByText(name, { exact: true }) });
  }

  /** The names shown, in order. */
  async names(): Promise<string[]> {
    return this.panel.getByTestId('crm-link-name').allTextContents();
  }

  reason(name: string): Locator {
    return this.link(name).getByTestId('crm-link-reason');
  }

  async unlink(name: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Unlink ${name}`, exact: true }).click();
  }

  // "Link to…"

  async openSearch(): Promise<void> {
    await this.panel.getByTestId('crm-link-to').click();
  }

  get search() {
    const dialog = this.page.getByTestId('crm-link-search');
    return {
      dialog,
      input: dialog.getByTestId('crm-link-search-input'),
      type: (type: string) => dialog.getByTestId(`crm-type-${type}`),
      hits: dialog.getByTestId('crm-hit'),
      active: dialog.locator('[data-testid="crm-hit"][aria-selected="true"]'),
    };
  }

  // Quick-create

  async newRecord(kind: 'contact' | 'company' | 'lead'): Promise<void> {
    await this.panel.getByTestId(`crm-new-${kind}`).click();
  }

  get create() {
    const dialog = this.page.getByTestId('crm-create');
    return {
      dialog,
      field: (name: 'firstName' | 'lastName' | 'email' | 'companyName' | 'source' | 'notes') => dialog.getByTestId(`crm-create-${name}`),
      phones: dialog.getByTestId('crm-create-phone'),
      duplicates: dialog.getByTestId('crm-duplicate'),
      problem: dialog.getByTestId('crm-create-problem'),
      submit: dialog.getByTestId('crm-create-submit'),
    };
  }
}
