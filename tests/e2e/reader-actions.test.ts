import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_RECORD_ENV } from '../../src-main/hosts/node/shell.js';
import { bannerPng, messageWithFiles, WINDOWS_PROGRAM } from '../helpers/attachment-mail.js';
import { runCliJson } from '../helpers/cli.js';
import { crlf } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { MailboxPage } from './mailbox-page.js';
import { MessageWindowPage, ReaderPage } from './reader-page.js';

/**
 * Given a customer's message with a photo, an invoice and a program dressed as an invoice, and a few ordinary
 * messages, the agent sees a thumbnail of the photo, saves exact bytes, opens the invoice with the system's
 * application (the web host records what it was asked to open), is refused the program, deletes to Trash and for
 * good, sends junk to Junk and back, prints a clean copy, and reads a message in a window of its own.
 */

const PHOTO = bannerPng();
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% facture 42\n'), Buffer.alloc(4000, 0x42)]);
const VITRINE = 'Vitrine et facture';

function plain(subject: string, n: number): Buffer {
  return crlf([
    'From: Ana Ionescu <ana@exemplu.ro>',
    'To: Celine <celine@facteur.test>',
    `Subject: ${subject}`,
    `Date: Wed, 11 Nov 2026 1${n}:00:00 +0100`,
    `Message-ID: <plain-${n}@exemplu.ro>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Texte du message ${subject}.`,
    '',
  ]);
}

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;
let reader: ReaderPage;
let record: string;

function ingest(dataDir: string, name: string, raw: Buffer): void {
  const file = join(tempDir(), name);
  writeFileSync(file, raw);
  runCliJson(dataDir, ['ingest', file]);
}

/** What the web host was asked to open, in order. */
const opened = () => (existsSync(record) ? readFileSync(record, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { openPath: string }).openPath) : []);

async function downloaded(start: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([browser.page.waitForEvent('download'), start()])) as [Download, void];
  const path = join(tempDir(), 'download');
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

beforeEach(async () => {
  const dataDir = tempDir();
  ingest(dataDir, 'vitrine.eml', messageWithFiles({
    subject: VITRINE,
    messageId: 'vitrine@exemple.fr',
    files: [
      { name: 'Vitrine rénovée.png', contentType: 'image/png', bytes: PHOTO },
      { name: 'Facture n° 42.pdf', contentType: 'application/pdf', bytes: PDF },
      { name: 'facture.pdf.exe', contentType: 'application/octet-stream', bytes: WINDOWS_PROGRAM },
    ],
  }));
  ingest(dataDir, 'relance.eml', plain('Relance', 1));
  ingest(dataDir, 'promo.eml', plain('Promo du jour', 2));
  ingest(dataDir, 'rdv.eml', plain('Rendez-vous jeudi', 3));
  record = join(tempDir(), 'opened.jsonl');
  // `facteur serve` inherits it: the Node shell writes down what it is asked to open instead of opening it.
  process.env[OPEN_RECORD_ENV] = record;
  app = await startApp(dataDir);
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  reader = new ReaderPage(browser.page);
  await mailbox.open(app.url);
  await mailbox.openFolder('inbox');
});

afterEach(async (ctx) => {
  delete process.env[OPEN_RECORD_ENV];
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
});

describe('attachments in the reading pane', () => {
  it('shows a thumbnail, saves exact bytes and all as a zip, opens with the system app, and refuses a program', async () => {
    await mailbox.openMessage(VITRINE);
    await expect.poll(() => reader.attachments.count()).toBe(3);
    // The photo's own pixels, decoded: a 96×48 picture, not an icon.
    await expect.poll(() => reader.thumbnail('Vitrine rénovée.png').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
    expect(await reader.thumbnail('Facture n° 42.pdf').count()).toBe(0);
    expect(await reader.attachment('facture.pdf.exe').getAttribute('data-program')).toBe('true');
    await screenshot(browser.page, 'reader-attachments');

    const pdf = await downloaded(() => reader.saveAttachment('Facture n° 42.pdf'));
    expect(pdf.name).toBe('Facture n° 42.pdf');
    expect(pdf.bytes.equals(PDF)).toBe(true);
    const photo = await downloaded(() => reader.saveAttachment('Vitrine rénovée.png'));
    expect(photo.bytes.equals(PHOTO)).toBe(true);

    const all = await downloaded(() => reader.saveAll());
    expect(all.name).toBe(`${VITRINE}.zip`);
    const zip = join(tempDir(), all.name);
    writeFileSync(zip, all.bytes);
    expect(execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')).toEqual(['Vitrine rénovée.png', 'Facture n° 42.pdf', 'facture.pdf.exe']);
    expect(execFileSync('unzip', ['-p', zip, 'Facture n° 42.pdf']).equals(PDF)).toBe(true);
    expect(await reader.pane.getByTestId('attachments-status').textContent()).toBe(`Downloaded ${VITRINE}.zip`);

    await reader.openAttachment('Facture n° 42.pdf');
    await expect.poll(opened).toHaveLength(1);
    const [path] = opened();
    expect(path!.endsWith('Facture n° 42.pdf')).toBe(true);
    expect(readFileSync(path!).equals(PDF)).toBe(true);

    // The program is not opened: the agent is told why, and may save it instead.
    await reader.openAttachment('facture.pdf.exe');
    await reader.programDialog.waitFor();
    expect(await reader.programDialog.textContent()).toContain('“facture.pdf.exe” is a program or a script');
    await screenshot(browser.page, 'reader-program-refused');
    const exe = await downloaded(() => reader.programDialog.getByTestId('confirm-ok').click());
    expect(exe.bytes.equals(WINDOWS_PROGRAM)).toBe(true);
    await expect.poll(() => reader.programDialog.count()).toBe(0);
    expect(opened()).toHaveLength(1);
  });
});

describe('actions on the open message', () => {
  it('deletes to Trash and the list updates; from Trash it asks, then removes for good', async () => {
    await mailbox.openMessage('Relance');
    await reader.action('delete').click();
    await expect.poll(() => mailbox.row('Relance').count()).toBe(0);
    await expect.poll(() => reader.pane.getByTestId('reader-subject').count()).toBe(0);
    expect(await mailbox.rows.count()).toBe(3);

    await mailbox.openFolder('trash');
    await mailbox.openMessage('Relance');
    await reader.action('delete').click();
    await reader.deleteForeverDialog.waitFor();
    expect(await reader.deleteForeverDialog.textContent()).toContain('“Relance” will be removed from this computer and from the mail server');
    // Cancel keeps it; Enter alone would have cancelled too (Cancel has the focus).
    expect(await browser.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-cancel');
    await reader.deleteForeverDialog.getByTestId('confirm-cancel').click();
    expect(await mailbox.row('Relance').count()).toBe(1);
    await reader.action('delete').click();
    await reader.deleteForeverDialog.getByTestId('confirm-ok').click();
    await expect.poll(() => mailbox.row('Relance').count()).toBe(0);
  });

  it('sends junk to Junk and back; stars and marks unread from the keyboard', async () => {
    await mailbox.openMessage('Promo du jour');
    // The toolbar is one Tab stop; arrows move along it.
    await reader.action('delete').focus();
    await browser.page.keyboard.press('ArrowRight');
    expect(await browser.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reader-junk');
    await browser.page.keyboard.press('Enter');
    await expect.poll(() => mailbox.row('Promo du jour').count()).toBe(0);

    await mailbox.openFolder('junk');
    await mailbox.openMessage('Promo du jour');
    expect(await reader.action('junk').textContent()).toBe('Not junk');
    await reader.action('junk').click();
    await expect.poll(() => mailbox.row('Promo du jour').count()).toBe(0);
    await mailbox.openFolder('inbox');
    await mailbox.openMessage('Promo du jour');

    await reader.action('star').focus();
    await browser.page.keyboard.press('Space');
    await expect.poll(() => reader.action('star').getAttribute('aria-pressed')).toBe('true');
    await browser.page.keyboard.press('ArrowRight');
    await browser.page.keyboard.press('Enter');
    await expect.poll(() => reader.action('read').getAttribute('data-seen')).toBe('false');
    expect(await reader.action('read').textContent()).toBe('Mark read');
    await browser.page.keyboard.press('End');
    expect(await browser.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reader-show-source');
  });

  it('prints a clean copy (header and body, no app), and the page itself prints only the message', async () => {
    await mailbox.openMessage(VITRINE);
    await reader.action('print').click();
    const printed = reader.printed();
    await expect.poll(() => printed.locator('.facteur-print-subject').textContent()).toBe(VITRINE);
    const fields = await printed.locator('.facteur-print-fields').innerText();
    expect(fields).toContain('Renée Façade <renee@exemple.fr>');
    expect(fields).toContain('Ana Ionescu <ana@exemplu.ro>');
    expect(fields).toContain('Vitrine rénovée.png, Facture n° 42.pdf, facture.pdf.exe');
    expect(await printed.locator('body').textContent()).toContain('voici les pièces jointes');
    // Nothing of the app, and nothing that could run.
    expect(await printed.locator('button, script, [data-testid]').count()).toBe(0);
    expect(await reader.printFrame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    // What goes to paper, on a page of its own.
    const copy = await browser.context.newPage();
    await copy.setContent((await reader.printFrame.getAttribute('srcdoc')) ?? '');
    await copy.emulateMedia({ media: 'print' });
    await screenshot(copy, 'reader-print-copy');
    await copy.close();

    // Ctrl+P prints the message too, from a fresh copy.
    await reader.printFrame.evaluate((frame) => frame.setAttribute('data-old', 'yes'));
    await reader.pane.getByTestId('reader-subject').click();
    await browser.page.keyboard.press('Control+P');
    await expect.poll(() => browser.page.locator('[data-testid="print-frame"]:not([data-old])').count()).toBe(1);
    expect(await reader.printFrame.count()).toBe(1);

    await browser.page.emulateMedia({ media: 'print' });
    expect(await mailbox.tree.isVisible()).toBe(false);
    expect(await mailbox.rows.first().isVisible()).toBe(false);
    expect(await reader.actions.isVisible()).toBe(false);
    expect(await reader.pane.getByTestId('reader-subject').isVisible()).toBe(true);
    expect(await reader.frame.isVisible()).toBe(true);
    await screenshot(browser.page, 'reader-print-layout');
    await browser.page.emulateMedia({ media: 'screen' });
    expect(await mailbox.tree.isVisible()).toBe(true);
  });
});

describe('a message window', () => {
  it('opens the message on its own, marks it read, and closes when the message is deleted', async () => {
    await mailbox.openMessage('Rendez-vous jeudi');
    await reader.action('read').click();
    await expect.poll(() => reader.action('read').getAttribute('data-seen')).toBe('false');

    const [popup] = await Promise.all([browser.page.waitForEvent('popup'), reader.action('open-window').click()]);
    const inWindow = new MessageWindowPage(popup);
    await expect.poll(() => inWindow.pane.getByTestId('reader-subject').textContent()).toBe('Rendez-vous jeudi');
    expect(new URL(popup.url()).hash).toMatch(/^#message=\d+$/);
    expect(await popup.getByTestId('folder-tree').count()).toBe(0);
    expect(await inWindow.pane.getByTestId('message-body-text').textContent()).toContain('Texte du message Rendez-vous jeudi.');
    await expect.poll(() => popup.title()).toBe('Rendez-vous jeudi – Facteur');
    // Opening the window marked it read, which the mailbox window learns from the engine.
    await expect.poll(() => reader.action('read').getAttribute('data-seen')).toBe('true');
    expect(await inWindow.action('open-window').count()).toBe(0);
    await screenshot(popup, 'message-window');

    await Promise.all([popup.waitForEvent('close'), inWindow.action('delete').click()]);
    await expect.poll(() => mailbox.row('Rendez-vous jeudi').count()).toBe(0);

    // A double-click in the list opens a window too.
    const [second] = await Promise.all([browser.page.waitForEvent('popup'), mailbox.row('Relance').dblclick()]);
    await expect.poll(() => new MessageWindowPage(second).pane.getByTestId('reader-subject').textContent()).toBe('Relance');
  });
});
