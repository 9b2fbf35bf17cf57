import type { Locator } from 'playwright-core';
import { MailboxPage } from './mailbox-page.js';

/** The mailbox window seen through its search bar. */
export class SearchPage extends MailboxPage {
  get input(): Locator {
    return this.page.getByTestId('search-input');
  }

  get field(): Locator {
    return this.page.getByTestId('search-field');
  }

  get scope(): Locator {
    return this.page.getByTestId('search-scope');
  }

  get clearButton(): Locator {
    return this.page.getByTestId('search-clear');
  }

  get summary(): Locator {
    return this.page.getByTestId('message-list-summary');
  }

  /** Key by key, as a person types, so the debounce is what decides when the engine is asked. */
  async type(text: string): Promise<void> {
    await this.input.click();
    await this.input.pressSequentially(text);
  }

  subjects(): Promise<string[]> {
    return this.rows.locator('.col-subject').allTextContents();
  }
}
