import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { openTestEngine } from '../helpers/engine.js';
import { accountFolder, addImapAccount, dovecotTls, otherClient } from '../helpers/mail-accounts.js';
import { gmailReceipt, postfixBounce, type Original } from '../helpers/report-samples.js';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.js';
import { tempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { connectClient } from './contract-socket.js';
import { MailboxPage } from './mailbox-page.js';
import { ReceiptsPage } from './receipts-page.js';

/**
 * Given an IMAP mailbox holding a message whose sender asks for a read receipt, and a message we sent that came
 * back bounced and then read, when the agent opens them, then the reader asks before sending any receipt, sends
 * it through the outbox to the real SMTP server when told to (or only notes the answer when not), and says which
 * sent message was not delivered and when its recipient read it.
 */

let dovecot: Dovecot;
let smtp: SmtpReceiver;
let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;
let receipts: ReceiptsPage;
let folders: { inbox: number; sent: number };

const devis: Original = { messageId: 'devis-e2e@facteur.test', from: 'alice@facteur.test', to: 'marc.durand@client.fr', subject: 'Devis façade' };

function asking(n: number, to = 'Alice <alice@facteur.test>'): Buffer {
  return Buffer.from([
    'From: Ștefan Popescu <stefan@exemplu.ro>',
    `To: ${to}`,
    `Subject: Ofertă ${n}`,
    `Date: Tue, 11 Jun 2024 0${n}:30:00 +0300`,
    `Message-ID: <oferta-${n}@exemplu.ro>`,
    'Disposition-Notification-To: Ștefan Popescu <stefan@exemplu.ro>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Bună ziua, vă trimit oferta.',
    '',
  ].join('\r\n'), 'utf8');
}

function sentDevis(): Buffer {
  return Buffer.from([
    `From: Alice Martin <${devis.from}>`, `To: Marc Durand <${devis.to}>`, `Subject: ${devis.subject}`,
    'Date: Mon, 10 Jun 2024 12:14:57 +0200', `Message-ID: <${devis.messageId}>`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', 'Bonjour Marc, voici le devis.', '',
  ].join('\r\n'), 'utf8');
}

beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());

beforeEach(async () => {
  smtp = await startSmtpReceiver({ user: 'alice', pass: 's3cret-pass' }, dovecotTls(dovecot));
  const server = await otherClient(dovecot, 'alice');
  for (const box of ['INBOX', 'Sent']) {
    const opened = await server.mailboxOpen(box);
    if (opened.exists > 0) await server.messageDelete('1:*');
  }
  await server.append('INBOX', asking(1));
  await server.append('INBOX', asking(2));
  await server.append('Sent', sentDevis(), ['\\Seen']);
  await server.append('INBOX', postfixBounce(devis));
  await server.append('INBOX', gmailReceipt(devis, 'Mon, 10 Jun 2024 14:32:40 +0200'));
  await server.logout();

  // The account is added and first synced the way the app's own setup does, then the app is started on that data.
  const dataDir = tempDir();
  const seed = await openTestEngine(dataDir);
  const account = await addImapAccount(seed.api, dovecot, 'alice', smtp.port);
  await seed.api.sync.run({ accountId: account.id });
  folders = { inbox: (await accountFolder(seed.api, account.id, 'INBOX')).id, sent: (await accountFolder(seed.api, account.id, 'Sent')).id };
  await seed.engine.close();

  app = await startApp(dataDir);
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  receipts = new ReceiptsPage(browser.page);
  await mailbox.open(app.url);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
  await smtp?.stop();
});

describe('read receipts in the reader', () => {
  it('asks before sending a receipt; Send puts it in the Outbox and it reaches the SMTP server', async () => {
    await receipts.openFolder(folders.inbox);
    await mailbox.openMessage('Ofertă 1');
    await expect.poll(() => receipts.request.textContent()).toContain('Ștefan Popescu asks for a read receipt.');
    await screenshot(browser.page, 'receipts-request');
    // Opening the message sent nothing: a receipt is never automatic.
    expect(smtp.received).toHaveLength(0);

    await receipts.send();
    await expect.poll(() => receipts.queued.textContent()).toBe('The read receipt is in the Outbox.');
    expect(await receipts.request.count()).toBe(0);
    // The app's own worker sends it: the receipt reaches the server, addressed to whoever asked for it.
    await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(1);
    const mdn = smtp.received[0]!;
    expect(mdn.to).toEqual(['stefan@exemplu.ro']);
    expect(mdn.raw.toString()).toMatch(/Content-Type: multipart\/report; report-type=disposition-notification/);
    expect(mdn.raw.toString()).toContain('Original-Message-ID: <oferta-1@exemplu.ro>');

    // The other request, declined: nothing is sent, and the message no longer asks (here or in other clients).
    await mailbox.openMessage('Ofertă 2');
    await receipts.decline();
    await expect.poll(() => receipts.request.count()).toBe(0);
    expect(await receipts.queued.count()).toBe(0);
    const { client, close } = await connectClient(app);
    try {
      const { items } = await client.api.messages.list({ folderId: folders.inbox });
      for (const subject of ['Ofertă 1', 'Ofertă 2']) expect(items.find((m) => m.subject === subject)?.flags.mdnSent).toBe(true);
    } finally {
      close();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.received).toHaveLength(1);
  });

  it('shows a sent message that bounced as not delivered, and when its recipient read it, in each language', async () => {
    await receipts.openFolder(folders.sent);
    await mailbox.openMessage(devis.subject);
    await expect.poll(() => receipts.bounce.textContent()).toContain('Not delivered');
    expect(await receipts.bounce.getAttribute('data-bounce')).toBe('hard');
    // The test browser is en-GB: English in its regional form.
    expect(await receipts.read.textContent()).toMatch(/^Read by the recipient on Monday, 10 June 2024 at \d{1,2}:32$/);
    expect(await receipts.request.count()).toBe(0);
    await screenshot(browser.page, 'receipts-bounced-and-read');

    await mailbox.language.selectOption('fr');
    await expect.poll(() => receipts.bounce.textContent()).toContain('Non remis');
    expect(await receipts.read.textContent()).toMatch(/^Lu par le destinataire le lundi 10 juin 2024/);
    await mailbox.language.selectOption('ro');
    await expect.poll(() => receipts.bounce.textContent()).toContain('Nelivrat');
    expect(await receipts.read.textContent()).toMatch(/^Citit de destinatar pe luni, 10 iunie 2024/);
  });

  it("says why a receipt cannot be sent, and keeps the question until it is answered", async () => {
    // Taken into Local Folders from a file, and sent to an address none of our accounts has: none can send its receipt.
    const { client, close } = await connectClient(app);
    let localInbox: number;
    try {
      await client.api.messages.ingest({ raw: asking(3, 'Accueil <accueil@exemple.fr>').toString('base64'), folder: 'Local Folders/Inbox' });
      localInbox = (await client.api.folders.tree()).folders.find((f) => f.accountId === null && f.kind === 'inbox')!.id;
    } finally {
      close();
    }
    await receipts.openFolder(localInbox);
    await mailbox.openMessage('Ofertă 3');
    await receipts.send();
    await expect.poll(() => receipts.problem.textContent()).toContain('No account of yours received this message');
    expect(await receipts.request.count()).toBe(1);
    await receipts.decline();
    await expect.poll(() => receipts.request.count()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });
});
