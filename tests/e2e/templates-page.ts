import type { FrameLocator, Locator, Page } from 'playwright-core';

/** A Templates folder in the mailbox: the template list, the preview pane and the template editor. */
export class TemplatesPage {
  constructor(readonly page: Page) {}

  get list(): Locator {
    return this.page.getByTestId('template-list');
  }

  row(name: string): Locator {
    return this.page.getByTestId('template-row').filter({ hasText: name });
  }

  get editor(): Locator {
    return this.page.getByTestId('template-editor');
  }

  /** A part's rich-text field: greeting, body or closing. */
  part(name: 'greeting' | 'body' | 'closing'): Locator {
    return this.editor.getByTestId(`template-${name}`);
  }

  async insertField(field: string): Promise<void> {
    await this.editor.getByTestId('template-insert-field').click();
    await this.page.getByTestId(`menu-field-${field}`).click();
  }

  /** Chooses whom the preview (in `scope`: the editor or the preview pane) is filled for. */
  async previewFor(scope: Locator, search: string, name: string): Promise<void> {
    const clear = scope.getByTestId('template-preview-contact-clear');
    if (await clear.isVisible()) await clear.click();
    await scope.getByTestId('template-preview-contact-search').fill(search);
    await scope.getByTestId('template-preview-contact-option').filter({ hasText: name }).click();
  }

  preview(scope: Locator) {
    const root = scope.getByTestId('template-preview');
    return {
      subject: root.getByTestId('template-preview-subject'),
      missing: root.getByTestId('template-preview-missing'),
      unknown: root.getByTestId('template-preview-unknown'),
      body: (): FrameLocator => root.frameLocator('iframe'),
    };
  }
}
