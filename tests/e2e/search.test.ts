import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliJson } from '../helpers/cli.js';
import { FRENCH_INVOICE, frenchInvoiceMessage, simpleMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { SearchPage } from './search-page.js';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let search: SearchPage;

function ingest(dataDir: string, name: string, raw: Buffer, folder: string) {
  const file = join(tempDir(), name);
  writeFileSync(file, raw);
  runCliJson(dataDir, ['ingest', file, '--folder', folder]);
}

// Three messages in the Inbox and one in Sent: enough to tell a folder's scope from everywhere.
beforeEach(async () => {
  const dataDir = tempDir();
  ingest(dataDir, 'facture.eml', frenchInvoiceMessage(), 'Local Folders/Inbox');
  ingest(dataDir, 'one.eml', simpleMessage(1), 'Local Folders/Inbox');
  ingest(dataDir, 'two.eml', simpleMessage(2), 'Local Folders/Inbox');
  ingest(dataDir, 'three.eml', simpleMessage(3), 'Local Folders/Sent');
  app = await startApp(dataDir);
  browser = await openBrowser();
  search = new SearchPage(browser.page);
});

// Here rather than in onTestFailed: vitest runs those after afterEach, when the browser is already closed.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
});

describe('searching messages', () => {
  it('finds part of a word in subjects, shows the count, and the clear button brings the folder back', async () => {
    await search.open(app.url);
    await search.openFolder('inbox');
    await expect.poll(() => search.rows.count()).toBe(3);

    await search.type('actur');
    await expect.poll(() => search.subjects()).toEqual([FRENCH_INVOICE.subject]);
    await expect.poll(() => search.summary.textContent()).toBe('1 message found');
    await screenshot(browser.page, 'search-results');

    await search.clearButton.click();
    await expect.poll(() => search.rows.count()).toBe(3);
    expect(await search.input.inputValue()).toBe('');
    await expect.poll(() => search.summary.textContent()).toBe('3 messages');
  });

  it('finds a message by the name of its attachment', async () => {
    await search.open(app.url);
    await search.openFolder('inbox');
    await search.field.selectOption('attachment');
    await search.type('.pdf');
    await expect.poll(() => search.subjects()).toEqual([FRENCH_INVOICE.subject]);
  });

  it('looks in the open folder, or everywhere, and Esc returns to the folder', async () => {
    await search.open(app.url);
    await search.openFolder('sent');
    await expect.poll(() => search.rows.count()).toBe(1);

    await search.type('Message number');
    await expect.poll(() => search.summary.textContent()).toBe('1 message found');
    expect(await search.subjects()).toEqual(['Message number 3']);

    await search.scope.selectOption('everywhere');
    await expect.poll(async () => (await search.subjects()).sort()).toEqual([
      'Message number 1',
      'Message number 2',
      'Message number 3',
    ]);
    await expect.poll(() => search.summary.textContent()).toBe('3 messages found');

    await search.input.press('Escape');
    await expect.poll(() => search.summary.textContent()).toBe('1 message');
    expect(await search.subjects()).toEqual(['Message number 3']);
  });

  it('lists senders missing from the address book without any words', async () => {
    await search.open(app.url);
    await search.openFolder('inbox');
    await search.field.selectOption('unknown-sender');
    await expect.poll(() => search.summary.textContent()).toMatch(/found$/);
    await expect.poll(() => search.row(FRENCH_INVOICE.subject).count()).toBe(1);
  });

  it('is reached with Ctrl+E and speaks French', async () => {
    await search.open(app.url);
    await search.rows.first().click();
    await browser.page.keyboard.press('Control+e');
    await expect.poll(() => search.input.evaluate((el) => el === document.activeElement)).toBe(true);

    await search.language.selectOption('fr');
    await expect.poll(() => search.input.getAttribute('placeholder')).toBe('Rechercher (Ctrl+E)');
  });
});
