import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliJson } from '../helpers/cli.js';
import { FRENCH_INVOICE, frenchInvoiceMessage, simpleMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { contrast, luminance, textOn } from './colors.js';
import { MailboxPage } from './mailbox-page.js';

/**
 * Given a mailbox with an HTML invoice, the window follows the system's light or dark choice, live, keeps every
 * text it shows readable (WCAG AA) in both, and shows the mail itself on white, as it was written to be read.
 */

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;

beforeEach(async () => {
  const dataDir = tempDir();
  for (const [name, raw] of [['facture.eml', frenchInvoiceMessage()], ['simple.eml', simpleMessage(7)]] as const) {
    const file = join(tempDir(), name);
    writeFileSync(file, raw);
    runCliJson(dataDir, ['ingest', file]);
  }
  app = await startApp(dataDir);
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
});

/** What a person reads in the window: the folder tree, a selected and an unselected row, the reader, the search box. */
function texts(): Array<[string, Locator]> {
  const page = browser.page;
  return [
    ['window', page.locator('body')],
    ['folder name', mailbox.folderOfKind('inbox').getByText('Inbox', { exact: true })],
    ['selected row', mailbox.row(FRENCH_INVOICE.subject).getByText(FRENCH_INVOICE.subject)],
    ['other row', mailbox.rows.filter({ hasNotText: FRENCH_INVOICE.subject }).first()],
    ['reader subject', mailbox.reader.subject],
    ['search box', page.getByTestId('search-input')],
  ];
}

async function expectReadable(): Promise<void> {
  for (const [what, locator] of texts()) {
    const { color, background } = await textOn(locator);
    expect(contrast(color, background), `${what}: ${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
  }
}

async function windowColors(): Promise<{ background: number; text: number }> {
  const { color, background } = await textOn(browser.page.locator('body'));
  return { background: luminance(background), text: luminance(color) };
}

async function openInvoice(): Promise<void> {
  await mailbox.open(app.url);
  await mailbox.openFolder('inbox');
  await mailbox.openMessage(FRENCH_INVOICE.subject);
  await expect.poll(() => mailbox.reader.body().locator('body').textContent()).toContain('Voici la facture');
}

describe('colours follow the system', () => {
  it('in a dark system theme the window is dark with light, readable text, and the mail stays on white', async () => {
    await browser.page.emulateMedia({ colorScheme: 'dark' });
    await openInvoice();

    const window = await windowColors();
    expect(window.background).toBeLessThan(0.05);
    expect(window.text).toBeGreaterThan(0.7);
    await expectReadable();
    // The sender's HTML assumes white paper: its frame is not darkened, and its text stays dark on it.
    const mail = await textOn(mailbox.reader.body().locator('body'));
    expect(luminance(mail.background)).toBe(1);
    expect(contrast(mail.color, mail.background)).toBeGreaterThanOrEqual(4.5);
    await screenshot(browser.page, 'dark-mode');
  });

  it('in a light system theme the window is light with dark text, and turns dark as soon as the system does', async () => {
    await browser.page.emulateMedia({ colorScheme: 'light' });
    await openInvoice();

    const light = await windowColors();
    expect(light.background).toBeGreaterThan(0.9);
    expect(light.text).toBeLessThan(0.05);
    await expectReadable();

    // No reload: the app follows the change while it is open.
    await browser.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await windowColors()).background).toBeLessThan(0.05);
    await expectReadable();
  });
});
