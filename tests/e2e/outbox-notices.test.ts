import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { utf8Mail } from '../helpers/utf8-mail.js';
import { openBrowser, screenshot } from './browser.js';
import { startMailApp, type MailApp } from './mail-app.js';
import { MailboxPage } from './mailbox-page.js';

/**
 * Given messages the outbox sent while nobody looked — one the server refused, one scheduled for a time when
 * Facteur was closed — the mailbox window says so once, with the server's words and how late.
 */

let mailApp: MailApp;
let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;

beforeAll(async () => {
  mailApp = await startMailApp('alice');
});

afterAll(async () => mailApp?.stop());

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
});

const outgoing = (subject: string) =>
  utf8Mail({ from: 'Alice <alice@facteur.test>', to: 'Ana <ana@exemplu.ro>', subject, date: 'Mon, 23 Nov 2026 08:00:00 +0100', messageId: `${subject.length}-${Date.now()}@facteur.test`, body: 'Bonjour.' });

describe('the outbox, as the mailbox window tells it', () => {
  it('says a refused message waits in the Outbox with the server\'s reason, and a scheduled one went out late because Facteur was closed', async () => {
    const api = mailApp.client.api;
    const accountId = await mailApp.addAccount('alice');
    mailApp.smtp.faults.push({ kind: 'reject', code: 550, message: '5.1.1 <ana@exemplu.ro>: Recipient address rejected' });
    await api.outbox.queue({ accountId, raw: outgoing('Devis refusé') });
    // Due two hours ago, never attempted: as if Facteur had been closed at the time.
    await api.outbox.queue({ accountId, raw: outgoing('Relance du lundi'), sendAfter: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    await expect.poll(async () => {
      await api.outbox.send({ accountId });
      return (await api.outbox.list({ accountId })).items.map((i) => i.state).sort();
    }, { timeout: 20_000 }).toEqual(['failed', 'sent']);

    browser = await openBrowser();
    await new MailboxPage(browser.page).open(mailApp.app.url);
    const news = browser.page.getByTestId('news-text');
    await expect.poll(() => news.allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Not sent: “Devis refusé”\. The server said: .*Recipient address rejected.*It waits in the Outbox\.$/),
      expect.stringMatching(/^“Relance du lundi” was sent at .*, 2 hours late: Facteur was closed at the time chosen\.$/),
    ]));
    expect(await news.count()).toBe(2);

    // Told once: a reload says nothing more.
    await browser.page.reload();
    await new MailboxPage(browser.page).open(mailApp.app.url);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await news.count()).toBe(0);
  });
});
