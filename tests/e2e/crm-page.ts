import type { Locator, Page } from 'playwright-core';

type Section = 'contact' | 'company' | 'lead' | 'deal' | 'ticket' | 'task' | 'event' | 'notes' | 'shared-addresses';

/** The CRM workspace as a person sees it: sections, a list, a record's page with its timeline, the record form. */
export class CrmPage {
  constructor(readonly page: Page) {}

  async open(section: Section = 'contact'): Promise<void> {
    await this.page.getByTestId('workspace-crm').click();
    await this.nav(section).click();
    await this.list.waitFor();
  }

  nav(section: Section): Locator {
    return this.page.getByTestId(`crm-nav-${section}`);
  }

  get unreadNotes(): Locator {
    return this.page.getByTestId('crm-notes-unread');
  }

  // The list
  get list(): Locator {
    return this.page.getByTestId('crm-list').or(this.page.getByTestId('crm-notes'));
  }

  get rows(): Locator {
    return this.page.getByTestId('crm-row');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  get total(): Locator {
    return this.page.getByTestId('crm-total');
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('crm-search').fill(text);
  }

  filter(name: string): Locator {
    return this.page.getByTestId(`crm-filter-${name}`);
  }

  get showDeleted(): Locator {
    return this.page.getByTestId('crm-show-deleted');
  }

  /** The cells of a row, as text, in the columns' order. */
  async cells(row: Locator): Promise<string[]> {
    return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
  }

  async openRow(text: string): Promise<void> {
    await this.row(text).getByRole('button').first().click();
    await this.recordName.waitFor();
  }

  // The form
  get form(): Locator {
    return this.page.getByTestId('crm-form');
  }

  field(name: string): Locator {
    return this.form.getByTestId(`crm-field-${name}`);
  }

  /** The problem shown under a field. */
  async fieldProblem(name: string): Promise<string> {
    return this.form.locator('.field', { has: this.page.getByTestId(`crm-field-${name}`) }).getByTestId('field-problem').innerText();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('crm-form-save').click();
  }

  // A record's page
  get record(): Locator {
    return this.page.getByTestId('crm-record');
  }

  get recordName(): Locator {
    return this.page.getByTestId('crm-record-name');
  }

  get deletedBanner(): Locator {
    return this.page.getByTestId('crm-deleted-banner');
  }

  action(name: 'edit' | 'delete' | 'restore' | 'back' | 'ticket-close' | 'ticket-reopen'): Locator {
    return this.page.getByTestId(`crm-${name}`);
  }

  get timelineItems(): Locator {
    return this.page.getByTestId('crm-timeline-item');
  }

  /** The timeline as "kind: title" lines, top to bottom. */
  async timeline(): Promise<string[]> {
    const items = await this.timelineItems.all();
    return Promise.all(
      items.map(async (item) => {
        const kind = await item.getAttribute('data-kind');
        const title = kind === 'note' ? item.getByTestId('crm-note-body') : item.getByTestId('crm-timeline-subject');
        return `${kind}: ${(await title.innerText()).trim()}`;
      }),
    );
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByTestId('crm-note-input').fill(text);
    await this.page.getByTestId('crm-note-add').click();
  }
}
