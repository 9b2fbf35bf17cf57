import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliJson } from '../helpers/cli.js';
import { FRENCH_INVOICE, frenchInvoiceMessage, simpleMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { connectClient } from './contract-socket.js';
import { MailboxPage } from './mailbox-page.js';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;

function ingest(dataDir: string, name: string, raw: Buffer, folder?: string) {
  const file = join(tempDir(), name);
  writeFileSync(file, raw);
  return runCliJson<Array<{ id: number }>>(dataDir, ['ingest', file, ...(folder ? ['--folder', folder] : [])])[0]!.id;
}

beforeEach(async () => {
  const dataDir = tempDir();
  ingest(dataDir, 'facture.eml', frenchInvoiceMessage());
  const whole = simpleMessage(99, { attachmentBytes: 30_000 });
  ingest(dataDir, 'cut.eml', whole.subarray(0, whole.length - 2000));
  app = await startApp(dataDir);
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
});

// Here rather than in onTestFailed: vitest runs those after afterEach, when the browser is already closed.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
});

describe('the mailbox window', () => {
  it('shows an ingested French message decoded: subject, sender, RFC 2231 attachment name and inline image', async () => {
    await mailbox.open(app.url);
    await mailbox.openFolder('inbox');
    await mailbox.openMessage(FRENCH_INVOICE.subject);

    await expect.poll(() => mailbox.reader.from.textContent()).toContain(FRENCH_INVOICE.fromName);
    expect(await mailbox.reader.to.textContent()).toContain('Céline Béranger');
    expect(await mailbox.reader.attachments.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(FRENCH_INVOICE.attachmentName)]),
    );
    const body = mailbox.reader.body();
    await expect.poll(() => body.locator('body').textContent()).toContain('Voici la facture à régler, déjà envoyée');
    // The inline image is drawn from the message's own part: it has loaded pixels, with no network.
    await expect.poll(() => body.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    // The body frame can run nothing.
    expect(await mailbox.reader.frame.getAttribute('sandbox')).toBe('allow-same-origin');
    await screenshot(browser.page, 'french-invoice-decoded');
  });

  it('shows a truncated message with a warning instead of hiding it', async () => {
    await mailbox.open(app.url);
    await mailbox.openFolder('inbox');
    await mailbox.openMessage('Message number 99');
    await expect.poll(() => mailbox.reader.malformedBanner.isVisible()).toBe(true);
    await screenshot(browser.page, 'truncated-message-flagged');
  });

  it('marks a message read when it is opened, and the unread count follows', async () => {
    await mailbox.open(app.url);
    const inbox = mailbox.folderOfKind('inbox');
    await expect.poll(() => inbox.getAttribute('data-unread')).toBe('2');
    await mailbox.openFolder('inbox');
    await mailbox.openMessage(FRENCH_INVOICE.subject);
    await expect.poll(() => inbox.getAttribute('data-unread')).toBe('1');
    await expect.poll(() => mailbox.row(FRENCH_INVOICE.subject).getAttribute('data-unread')).toBe('false');
  });

  it('shows new mail as soon as the engine stores it, without a reload', async () => {
    await mailbox.open(app.url);
    await mailbox.openFolder('inbox');
    await expect.poll(() => mailbox.rows.count()).toBe(2);
    const other = await connectClient(app);
    await other.client.api.messages.ingest({ raw: simpleMessage(7).toString('base64') });
    other.close();
    await expect.poll(() => mailbox.rows.count()).toBe(3);
    await expect.poll(() => mailbox.row('Message number 7').count()).toBe(1);
  });

  it('switches to French and Romanian, and remembers the choice', async () => {
    await mailbox.open(app.url);
    const inboxLabel = () => mailbox.folderOfKind('inbox').textContent();
    expect(await inboxLabel()).toContain('Inbox');
    await mailbox.language.selectOption('fr');
    await expect.poll(inboxLabel).toContain('Boîte de réception');
    await screenshot(browser.page, 'mailbox-in-french');
    await mailbox.language.selectOption('ro');
    await expect.poll(inboxLabel).toContain('Mesaje primite');
    await browser.page.reload();
    await mailbox.tree.waitFor();
    await expect.poll(() => mailbox.language.inputValue()).toBe('ro');
  });
});
