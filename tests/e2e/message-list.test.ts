import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliJson } from '../helpers/cli.js';
import { simpleMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { connectClient } from './contract-socket.js';
import { MailboxPage } from './mailbox-page.js';
import { MessageListPage } from './message-list-page.js';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;
let list: MessageListPage;

const subject = (n: number) => `Message number ${n}`;

beforeEach(async () => {
  const dataDir = tempDir();
  const files = [1, 2, 3, 4, 5, 6].map((n) => {
    const file = join(tempDir(), `m${n}.eml`);
    // Bigger as the number grows, so sorting by size reverses the date order's ties visibly.
    writeFileSync(file, simpleMessage(n, n % 2 === 0 ? { attachmentBytes: n * 1000 } : {}));
    return file;
  });
  runCliJson(dataDir, ['ingest', ...files]);
  app = await startApp(dataDir);
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  list = new MessageListPage(browser.page);
  await mailbox.open(app.url);
  await mailbox.openFolder('inbox');
  await expect.poll(() => list.rows.count()).toBe(6);
});

// Here rather than in onTestFailed: vitest runs those after afterEach, when the browser is already closed.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
});

describe('the message list', () => {
  it('sorts by a column title, reverses on a second click, and keeps the chosen columns after a reload', async () => {
    expect(await list.subjects()).toEqual([6, 5, 4, 3, 2, 1].map(subject));
    expect(await list.column('date').getAttribute('aria-sort')).toBe('descending');
    await list.sortBy('size');
    await expect.poll(() => list.subjects()).toEqual([6, 4, 2].map(subject).concat([5, 3, 1].map(subject)));
    await list.sortBy('subject');
    await expect.poll(() => list.subjects()).toEqual([1, 2, 3, 4, 5, 6].map(subject));
    expect(await list.column('subject').getAttribute('aria-sort')).toBe('ascending');
    await list.sortBy('subject');
    await expect.poll(() => list.subjects()).toEqual([6, 5, 4, 3, 2, 1].map(subject));

    // A "To" column the default layout does not show; the sort and the columns survive a reload.
    await list.chooseColumn('to');
    await expect.poll(() => list.column('to').isVisible()).toBe(true);
    await browser.page.reload();
    await mailbox.openFolder('inbox');
    await expect.poll(() => list.subjects()).toEqual([6, 5, 4, 3, 2, 1].map(subject));
    expect(await list.column('subject').getAttribute('aria-sort')).toBe('descending');
    expect(await list.rows.first().locator('.col-to').textContent()).toBe('Facteur');
    // The first attachment's type shows in its column.
    expect(await list.row(subject(6)).locator('.col-attachment [role="img"]').getAttribute('aria-label')).toMatch(/attachment/i);
  });

  it('selects with Ctrl and Shift, stars and marks them read together, and says how many are selected', async () => {
    await list.row(subject(6)).click();
    await list.row(subject(4)).click({ modifiers: ['Control'] });
    expect(await list.selectedSubjects()).toEqual([subject(6), subject(4)]);
    await list.row(subject(2)).click({ modifiers: ['Shift'] });
    expect(await list.selectedSubjects()).toEqual([4, 3, 2].map(subject));
    await expect.poll(() => list.selectionCount.textContent()).toBe('3 selected');
    // Several rows selected: the reading pane shows none of them.
    await expect.poll(() => mailbox.reader.subject.count()).toBe(0);

    await list.tool('toggleStar').click();
    await expect.poll(() => list.rows.and(browser.page.locator('[data-flagged="true"]')).count()).toBe(3);
    await list.tool('toggleRead').click();
    await expect.poll(() => list.rows.and(browser.page.locator('[data-unread="false"]')).count()).toBe(4);
    // Shift+arrow grows the selection from the same anchor.
    await list.grid.press('Shift+ArrowDown');
    expect(await list.selectedSubjects()).toEqual([4, 3, 2, 1].map(subject));
    await screenshot(browser.page, 'message-list-multi-select');
  });

  it('deletes to Trash and selects the next message; in Trash it asks before deleting for good', async () => {
    await list.row(subject(5)).click();
    await list.grid.press('Delete');
    await expect.poll(() => list.subjects()).toEqual([6, 4, 3, 2, 1].map(subject));
    await expect.poll(() => list.selectedSubjects()).toEqual([subject(4)]);
    await mailbox.openFolder('trash');
    await expect.poll(() => list.subjects()).toEqual([subject(5)]);
    await list.row(subject(5)).click();
    await list.tool('delete').click();
    await list.confirm.dialog.waitFor();
    await list.confirm.cancel.click();
    expect(await list.subjects()).toEqual([subject(5)]);
    await list.grid.press('Delete');
    await list.confirm.ok.click();
    await expect.poll(() => list.rows.count()).toBe(0);
  });

  it('moves and copies through the right-click menu and a folder picker that narrows as you type', async () => {
    await list.row(subject(3)).click();
    await list.row(subject(2)).click({ modifiers: ['Shift'] });
    await list.rightClick(subject(3));
    await list.menuItem('move').click();
    await list.picker.filter.fill('intern');
    await expect.poll(() => list.picker.options.count()).toBe(1);
    await list.picker.filter.press('Enter');
    await expect.poll(() => list.subjects()).toEqual([6, 5, 4, 1].map(subject));
    await mailbox.openFolder('internal');
    await expect.poll(() => list.subjects()).toEqual([3, 2].map(subject));

    await mailbox.openFolder('inbox');
    await list.rightClick(subject(6));
    await list.menuItem('copy').click();
    await list.picker.filter.fill('shared');
    await list.picker.ok.click();
    await mailbox.openFolder('shared');
    await expect.poll(() => list.subjects()).toEqual([subject(6)]);
    await mailbox.openFolder('inbox');
    await expect.poll(() => list.subjects()).toEqual([6, 5, 4, 1].map(subject));
  });

  it('follows the chosen shortcut preset, on an AZERTY keyboard too', async () => {
    await list.row(subject(6)).click();
    await list.row(subject(5)).click({ modifiers: ['Control'] });
    await list.grid.focus();
    // Outlook's Ctrl+U (unread) then Ctrl+Q (read), typed on AZERTY, where Q sits at QWERTY's A: marks read, does
    // not select all.
    await list.pressOnLayout('u', 'KeyU', { ctrl: true });
    await expect.poll(() => list.rows.and(browser.page.locator('[data-unread="true"]')).count()).toBe(6);
    await list.pressOnLayout('q', 'KeyA', { ctrl: true });
    await expect.poll(() => list.rows.and(browser.page.locator('[data-unread="true"]')).count()).toBe(4);
    expect(await list.selectedSubjects()).toEqual([6, 5].map(subject));
    // AZERTY's A is at QWERTY's Q: Ctrl+A selects all.
    await list.pressOnLayout('a', 'KeyQ', { ctrl: true });
    await expect.poll(() => list.selectedSubjects()).toHaveLength(6);

    // Thunderbird: J is junk, which moves the message to Junk.
    await browser.page.getByTestId('shortcuts-select').selectOption('thunderbird');
    await list.row(subject(4)).click();
    await list.grid.press('j');
    await expect.poll(() => list.subjects()).toEqual([6, 5, 3, 2, 1].map(subject));
    // Gmail: "s" stars, "j"/"k" move.
    await browser.page.getByTestId('shortcuts-select').selectOption('gmail');
    await list.row(subject(6)).click();
    await list.grid.press('j');
    await list.grid.press('s');
    await expect.poll(() => list.row(subject(5)).getAttribute('data-flagged')).toBe('true');
    await mailbox.openFolder('junk');
    await expect.poll(() => list.subjects()).toEqual([subject(4)]);
  });

  it('sets a category managed in the settings, shows it as a coloured chip and finds it by search', async () => {
    const page = browser.page;
    await page.getByTestId('open-categories').click();
    const settings = page.getByTestId('categories-dialog');
    await settings.getByTestId('category-name').fill('Devis');
    await settings.getByTestId('category-family').fill('Ventes');
    await settings.getByTestId('category-add').click();
    await expect.poll(() => settings.getByTestId('categories-in').getByTestId('category-line').allTextContents()).toEqual([expect.stringContaining('Devis')]);
    await settings.getByLabel('Colour of “Devis”').selectOption('green');
    await settings.getByTestId('categories-close').click();

    await list.chooseColumn('category');
    await list.row(subject(5)).click();
    await list.row(subject(4)).click({ modifiers: ['Shift'] });
    await list.tool('category').click();
    await page.getByTestId('category-picker').getByTestId('category-option').filter({ hasText: 'Devis' }).click();
    const chips = list.rows.getByTestId('category-chip');
    await expect.poll(() => chips.count()).toBe(2);
    expect(await chips.first().getAttribute('class')).toContain('is-green');

    await page.getByTestId('search-field').selectOption('category');
    await page.getByTestId('search-input').fill('devi');
    await expect.poll(() => list.subjects()).toEqual([5, 4].map(subject));
  });

  it('opens a message in its own window on double-click or Enter, marking it read', async () => {
    const [popup] = await Promise.all([browser.page.waitForEvent('popup'), list.row(subject(3)).dblclick()]);
    await expect.poll(() => popup.getByTestId('reader-subject').textContent()).toBe(subject(3));
    expect(await popup.getByTestId('message-list').count()).toBe(0);
    await expect.poll(() => list.row(subject(3)).getAttribute('data-unread')).toBe('false');
    await list.row(subject(2)).click();
    const [second] = await Promise.all([browser.page.waitForEvent('popup'), list.grid.press('Enter')]);
    await expect.poll(() => second.getByTestId('reader-subject').textContent()).toBe(subject(2));
  });

  it('shows the contact and company a message is filed under, as soon as the contact is created', async () => {
    const { client, close } = await connectClient(app);
    await client.api.contacts.create({ firstName: 'Sender', lastName: 'Three', email: 'sender3@example.test', companyName: 'Example Ltd' });
    close();
    await list.chooseColumn('contact');
    await list.chooseColumn('company');
    await expect.poll(() => list.row(subject(3)).locator('.col-contact').textContent()).toBe('Sender Three');
    expect(await list.row(subject(3)).locator('.col-company').textContent()).toBe('Example Ltd');
    expect(await list.row(subject(2)).locator('.col-contact').textContent()).toBe('');
  });
});

