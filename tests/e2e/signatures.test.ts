import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bannerPng } from '../helpers/attachment-mail.js';
import { openBrowser, screenshot } from './browser.js';
import { startConnectedApp, type ConnectedApp } from './mail-app.js';
import { MailboxPage } from './mailbox-page.js';
import { SignaturePage } from './signatures-page.js';

/**
 * Given an account in the folder tree, the person writes its signature from the account's menu: formatted text
 * and a pasted logo, placed below the quote in replies; the composer then uses it (compose.start), and the dialog
 * shows it again as saved. Closing without saving keeps the old one.
 */

const ACCOUNT = 'Hélène Moreau';
let running: ConnectedApp;
let accountId: number;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let signature: SignaturePage;

beforeAll(async () => {
  running = await startConnectedApp();
  // No server behind it: signatures need none, and the tree lists the account all the same.
  const server = { host: '127.0.0.1', port: 9, security: 'none' as const, username: 'helene' };
  const account = await running.client.api.accounts.add({ email: 'helene@facteur.test', name: ACCOUNT, settings: { incoming: { ...server, protocol: 'imap' }, outgoing: server }, password: 'x' });
  accountId = account.id;
});

afterAll(async () => running?.stop());

beforeEach(async () => {
  browser = await openBrowser();
  const mailbox = new MailboxPage(browser.page);
  await mailbox.open(running.app.url);
  signature = new SignaturePage(browser.page);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
});

describe('an account\'s signature', () => {
  it('is written with formatting and a pasted logo, placed below the quote, and used by the composer', async () => {
    await signature.open(ACCOUNT);
    expect(await signature.dialog.getByRole('heading').textContent()).toBe(`Signature for ${ACCOUNT}`);
    expect(await signature.position('above-quote').isChecked()).toBe(true);

    await signature.editor.click();
    await browser.page.keyboard.press('Control+b');
    await browser.page.keyboard.type('Hélène Moreau');
    await browser.page.keyboard.press('Control+b');
    await browser.page.keyboard.type(' — Façade & Fils');
    await browser.page.keyboard.press('Enter');
    await signature.pasteImage('logo.png', 'image/png', bannerPng());
    await expect.poll(() => signature.images.count()).toBe(1);
    await signature.position('below-quote').check();
    await screenshot(browser.page, 'signature-dialog');
    await signature.save();
    await signature.dialog.waitFor({ state: 'detached' });

    const saved = await running.client.api.signatures.get({ accountId });
    expect(saved.position).toBe('below-quote');
    expect(saved.html).toMatch(/<(b|strong)\b[^>]*>(<span[^>]*>)?Hélène Moreau/);
    expect(saved.html).toContain('— Façade &amp; Fils');
    expect(saved.html).toMatch(/<img [^>]*src="data:image\/png;base64,/);
    const started = await running.client.api.compose.start({});
    expect(started.signatureHtml).toBe(saved.html);
    expect(started.signaturePosition).toBe('below-quote');

    // Opened again, it shows what was saved.
    await signature.open(ACCOUNT);
    await expect.poll(() => signature.editor.textContent()).toContain('Hélène Moreau — Façade & Fils');
    expect(await signature.images.count()).toBe(1);
    expect(await signature.position('below-quote').isChecked()).toBe(true);
  });

  it('keeps the saved signature when the dialog is closed without saving', async () => {
    await running.client.api.signatures.set({ accountId, html: '<p>Cordialement, Hélène</p>', position: 'above-quote' });
    await signature.open(ACCOUNT);
    await expect.poll(() => signature.editor.textContent()).toBe('Cordialement, Hélène');
    await signature.editor.click();
    await browser.page.keyboard.press('Control+a');
    await browser.page.keyboard.type('Brouillon abandonné');
    await signature.cancel();
    await signature.dialog.waitFor({ state: 'detached' });
    expect(await running.client.api.signatures.get({ accountId })).toEqual({ accountId, html: '<p>Cordialement, Hélène</p>', position: 'above-quote' });

    // Esc closes it the same way.
    await signature.open(ACCOUNT);
    await browser.page.keyboard.press('Escape');
    await signature.dialog.waitFor({ state: 'detached' });
  });
});
