import type { Locator, Page } from 'playwright-core';

/** The conversation (forum) view in the reading pane: its toggle and its tree, as a person sees them. */
export class ForumPage {
  constructor(readonly page: Page) {}

  get toggle(): Locator {
    return this.page.getByTestId('forum-toggle');
  }

  get tree(): Locator {
    // The reading pane's only tree (the folder tree is another pane's).
    return this.page.getByTestId('reading-pane').getByRole('tree');
  }

  get items(): Locator {
    return this.tree.getByRole('treeitem');
  }

  item(text: string): Locator {
    return this.items.filter({ hasText: text });
  }

  async open(): Promise<void> {
    await this.toggle.click();
    await this.items.first().waitFor();
  }

  /** Each shown item as "  subject" indented by its aria-level, "kind: subject" for reports, "(missing)" for gaps. */
  shape(): Promise<string[]> {
    return this.items.evaluateAll((elements) =>
      elements.map((el) => {
        const indent = '  '.repeat(Number(el.getAttribute('aria-level')) - 1);
        const kind = el.getAttribute('data-kind');
        if (kind === 'missing') return `${indent}(missing)`;
        const subject = el.querySelector('[data-testid="forum-node-subject"]')?.textContent ?? '';
        return `${indent}${kind === 'message' ? '' : `${kind}: `}${subject}`;
      }),
    );
  }

  /** The subject (or "(missing)") of the tree item that has the keyboard focus, or null when focus is elsewhere. */
  focused(): Promise<string | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el.getAttribute('role') !== 'treeitem') return null;
      if (el.getAttribute('data-kind') === 'missing') return '(missing)';
      return el.querySelector('[data-testid="forum-node-subject"]')?.textContent ?? '';
    });
  }

  /** The item the reader shows (aria-selected). */
  get shown(): Locator {
    return this.tree.locator('[role="treeitem"][aria-selected="true"]');
  }

  async focusTree(): Promise<void> {
    await this.tree.locator('[role="treeitem"][tabindex="0"]').focus();
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }
}
