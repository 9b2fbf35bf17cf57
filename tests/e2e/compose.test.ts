import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bannerPng } from '../helpers/attachment-mail.js';
import { runCliJson } from '../helpers/cli.js';
import { crlf } from '../helpers/mail.js';
import { fileTempDir } from '../helpers/temp.js';
import { openBrowser, screenshot } from './browser.js';
import { ComposePage } from './compose-page.js';
import { startMailApp, type MailApp } from './mail-app.js';
import { MailboxPage } from './mailbox-page.js';

/**
 * Given an agent with a mail account (a real IMAP server and a real SMTP server) and a customer's request in the
 * inbox, the agent writes mail in the composer's own window: a new mail with bold text and a pasted screenshot
 * reaches the SMTP server as multipart/alternative with the picture as a cid: part; a reply is addressed to the
 * customer with "Re:", the quote and the signature where the account's preference puts it; a draft survives the
 * window closing and the app reloading; a mail without a subject is refused with the focus on the subject.
 */

const ORIGINAL = 'Demande de devis pour la vitrine';
const SIGNATURE = 'Céline Dubois — Boulangerie Lefèvre';
const PNG = bannerPng();

let mailApp: MailApp;
let accountId: number;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;

beforeAll(async () => {
  mailApp = await startMailApp('alice', (dataDir) => {
    const file = join(fileTempDir(), 'request.eml');
    writeFileSync(
      file,
      crlf([
        'From: Ana Ionescu <ana@exemplu.ro>',
        'To: Alice <alice@facteur.test>',
        `Subject: ${ORIGINAL}`,
        'Date: Wed, 11 Nov 2026 10:00:00 +0100',
        'Message-ID: <devis-1@exemplu.ro>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Bonjour, pourriez-vous nous envoyer un devis pour la vitrine ?',
        '',
      ]),
    );
    runCliJson(dataDir, ['ingest', file]);
  });
  const api = mailApp.client.api;
  accountId = await mailApp.addAccount('alice');
  await api.sync.run({ accountId });
  await api.signatures.set({ accountId, html: `<p>${SIGNATURE}</p>`, position: 'below-quote' });
});

afterAll(async () => mailApp?.stop());

beforeEach(async () => {
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  await mailbox.open(mailApp.app.url);
});

afterEach(async (ctx) => {
  // Every window of the test (the mailbox and the composers still open).
  if (ctx.task.result?.state === 'fail' && browser) {
    for (const [i, page] of browser.context.pages().entries()) await screenshot(page, `failed-${ctx.task.name}-${i}`).catch(() => undefined);
  }
  await browser?.close();
});

/** Clicks something that opens the composer and returns it, ready. */
const composerFrom = (open: () => Promise<void>) => ComposePage.openedBy(browser.page, open);

const newMessage = () => composerFrom(() => mailbox.page.getByTestId('compose-new').click());

/** The Drafts folder (Local Folders' or the account's) that lists a subject, opened. */
async function openDraftsWith(page: Page, subject: string): Promise<void> {
  const folders = mailbox.tree.locator('[data-kind="drafts"]');
  await expect.poll(async () => {
    for (let i = 0; i < (await folders.count()); i++) {
      await folders.nth(i).click();
      if ((await mailbox.row(subject).count()) > 0) return true;
    }
    return false;
  }).toBe(true);
  expect(page).toBe(mailbox.page);
}

describe('writing and sending', () => {
  it('sends bold text and a pasted picture as multipart/alternative with the picture as a cid: part', async () => {
    const composer = await newMessage();
    expect(await composer.from.textContent()).toContain('alice@facteur.test');
    await composer.addRecipient('to', 'client@exemple.fr');
    await composer.subject.fill('Vitrine : le devis');
    await composer.body.click();
    await composer.page.keyboard.type('Bonjour, voici le devis ');
    await composer.page.keyboard.press('Control+b');
    await composer.page.keyboard.type('valable un mois');
    await composer.page.keyboard.press('Control+b');
    await composer.page.keyboard.type('. Photo de la vitrine :');
    expect(await composer.tool('bold').getAttribute('aria-pressed')).toBe('false');
    await composer.pasteImage('vitrine.png', 'image/png', PNG);
    await expect.poll(() => composer.inlineImages.count()).toBe(1);
    await screenshot(composer.page, 'compose-new-mail');

    await Promise.all([composer.page.waitForEvent('close'), composer.send()]);

    // The Outbox sends on its own; asking once more changes nothing if it already did.
    await expect
      .poll(async () => {
        if (mailApp.smtp.received.length === 0) await mailApp.client.api.outbox.send({ accountId });
        return mailApp.smtp.received.length;
      }, { timeout: 20_000 })
      .toBe(1);
    const wire = mailApp.smtp.received[0]!;
    expect(wire.to).toEqual(['client@exemple.fr']);
    const raw = wire.raw.toString();
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/im);
    // skipImageLinks: the HTML as sent, with its cid: references (by default mailparser inlines them as data:).
    const mail = await simpleParser(wire.raw, { skipImageLinks: true });
    expect(mail.subject).toBe('Vitrine : le devis');
    expect(mail.text).toContain('Bonjour, voici le devis valable un mois. Photo de la vitrine :');
    expect(mail.html).toMatch(/<(b|strong)\b[^>]*>valable un mois<\/(b|strong)>/);
    const [picture] = mail.attachments;
    expect(picture).toBeDefined();
    expect(picture!.contentType).toBe('image/png');
    expect(picture!.content.equals(PNG)).toBe(true);
    expect(picture!.cid).toBeTruthy();
    expect(mail.html).toContain(`cid:${picture!.cid}`);
    expect(mail.html).not.toContain('data:image');
  });

  it('refuses a mail without a subject, says so beside the subject and puts the focus there', async () => {
    const composer = await newMessage();
    await composer.addRecipient('to', 'client@exemple.fr');
    await composer.body.click();
    await composer.page.keyboard.type('Un message sans objet.');
    const before = (await mailApp.client.api.outbox.list({})).items.length;
    await composer.send();
    await composer.subjectProblem.waitFor();
    expect(await composer.subjectProblem.textContent()).toBe('A message needs a subject: write one before sending.');
    expect(await composer.subject.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => composer.focusedTestId()).toBe('compose-subject');
    expect(composer.page.isClosed()).toBe(false);
    expect((await mailApp.client.api.outbox.list({})).items.length).toBe(before);
    await screenshot(composer.page, 'compose-subject-missing');

    // Once there is a subject the refusal goes, and the mail can go.
    await composer.subject.fill('Avec un objet');
    expect(await composer.subjectProblem.count()).toBe(0);
  });
});

describe('when the engine refuses', () => {
  it('shows the warning first, and a refused send keeps the window open with the engine\'s reason', async () => {
    const composer = await newMessage();
    const input = composer.recipients('to').getByTestId('recipient-input');
    await input.fill('pas-une-adresse');
    await input.press('Enter');
    await composer.chips('to').first().waitFor();
    await composer.subject.fill('Adresse mal tapée');
    await composer.body.click();
    await composer.page.keyboard.type('Ce message ne peut pas partir.');
    await composer.send();
    const check = composer.page.getByTestId('compose-check-dialog');
    await check.waitFor();
    expect(await check.getByTestId('compose-check-warning').textContent()).toBe('pas-une-adresse — not a valid email address');
    await check.getByTestId('compose-check-send').click();
    await composer.sendError.waitFor();
    expect(await composer.sendError.textContent()).toMatch(/^The message was not sent: .*is not a valid address/);
    expect(composer.page.isClosed()).toBe(false);
    await expect.poll(() => composer.body.textContent()).toContain('Ce message ne peut pas partir.');
    await screenshot(composer.page, 'compose-send-refused');
  });
});

describe('replying', () => {
  it('answers the sender with "Re:", the quote, and the signature below the quote as the account prefers', async () => {
    await mailbox.openFolder('inbox');
    await mailbox.openMessage(ORIGINAL);
    const composer = await composerFrom(() => mailbox.reader.pane.getByTestId('reader-reply').click());
    expect(await composer.recipientEntries('to')).toEqual(['Ana Ionescu <ana@exemplu.ro>']);
    expect(await composer.subject.inputValue()).toBe(`Re: ${ORIGINAL}`);
    await expect.poll(() => composer.quoteFrame().locator('body').textContent()).toContain('pourriez-vous nous envoyer un devis');
    await expect.poll(() => composer.signatureFrame().locator('body').textContent()).toContain(SIGNATURE);
    // The quote comes first, then the signature: 'below-quote' for this account.
    const order = await composer.window.evaluate((root) => {
      const quote = root.querySelector('[data-testid="compose-quote"]')!;
      const signature = root.querySelector('[data-testid="compose-signature"]')!;
      return quote.compareDocumentPosition(signature) & Node.DOCUMENT_POSITION_FOLLOWING ? 'quote-then-signature' : 'signature-then-quote';
    });
    expect(order).toBe('quote-then-signature');
    // A reply starts where the answer is written.
    await expect.poll(() => composer.focusedTestId()).toBe('compose-body');
    await composer.page.keyboard.type('Bonjour Ana, le devis suit.');
    await screenshot(composer.page, 'compose-reply');

    await composer.save();
    await expect.poll(() => composer.saveStatus.getAttribute('data-state')).toBe('saved');
    const saved = (await mailApp.client.api.drafts.list({})).items.find((d) => d.draft.subject === `Re: ${ORIGINAL}`);
    expect(saved).toBeDefined();
    const html = saved!.draft.html;
    const at = (text: string) => html.indexOf(text);
    expect(at('Bonjour Ana, le devis suit.')).toBeGreaterThanOrEqual(0);
    expect(at('pourriez-vous nous envoyer un devis')).toBeGreaterThan(at('Bonjour Ana, le devis suit.'));
    expect(at(SIGNATURE)).toBeGreaterThan(at('pourriez-vous nous envoyer un devis'));
    expect(saved!.draft.origin).toEqual({ kind: 'reply', messageId: expect.any(Number) });
  });

  it('replies without quoting, from the reader\'s other ways to reply', async () => {
    await mailbox.openFolder('inbox');
    await mailbox.openMessage(ORIGINAL);
    await mailbox.reader.pane.getByTestId('reader-reply-more').click();
    const composer = await composerFrom(() => mailbox.page.getByTestId('menu-reply-no-quote').click());
    expect(await composer.subject.inputValue()).toBe(`Re: ${ORIGINAL}`);
    await composer.signature.waitFor();
    expect(await composer.quote.count()).toBe(0);
  });
});

describe('replying to an email that belongs to a task', () => {
  it('offers the task, ticked, and the reply joins its history; unticked, it does not', async () => {
    const api = mailApp.client.api;
    const inbox = (await api.folders.tree()).folders.find((f) => f.kind === 'inbox' && f.accountId === null)!;
    const original = (await api.messages.list({ folderId: inbox.id })).items.find((m) => m.subject === ORIGINAL)!;
    const task = await api.tasks.create({ title: 'Chiffrer la vitrine', messageId: original.id });
    const other = await api.tasks.create({ title: 'Relancer Ana', messageId: original.id });
    const sentBefore = new Set((await api.outbox.list({})).items.map((i) => i.messageId));

    await mailbox.openFolder('inbox');
    await mailbox.openMessage(ORIGINAL);
    const composer = await composerFrom(() => mailbox.reader.pane.getByTestId('reader-reply').click());
    const offer = composer.window.getByTestId('compose-task-offer');
    await expect.poll(() => offer.locator('label').allTextContents()).toEqual(['Chiffrer la vitrine', 'Relancer Ana']);
    expect(await offer.getByTestId('compose-task-offer-item').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked))).toEqual([true, true]);
    await offer.getByRole('checkbox', { name: 'Relancer Ana' }).uncheck();
    await composer.page.keyboard.type('Le chiffrage arrive.');
    await Promise.all([composer.page.waitForEvent('close'), composer.send()]);

    const reply = (await api.outbox.list({})).items.find((i) => !sentBefore.has(i.messageId))!;
    const links = (await api.links.ofMessage({ messageId: reply.messageId })).items.filter((l) => l.type === 'task');
    expect(links.map((l) => [l.id, l.reason])).toEqual([[task.id, 'manual']]);
    expect(links.some((l) => l.id === other.id)).toBe(false);
  });
});

describe('drafts', () => {
  it('keeps a draft through closing the window and reloading the app, and opens it again from Drafts', async () => {
    const subject = 'Brouillon à reprendre';
    const composer = await newMessage();
    await composer.addRecipient('to', 'client@exemple.fr');
    await composer.subject.fill(subject);
    await composer.body.click();
    await composer.page.keyboard.type('Première phrase, écrite avant la pause.');
    // Saved a moment after typing stops, with nothing pressed.
    await expect.poll(() => composer.saveStatus.getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await composer.page.close({ runBeforeUnload: true });

    await mailbox.page.reload();
    await mailbox.tree.waitFor();
    await openDraftsWith(mailbox.page, subject);
    const reopened = await composerFrom(() => mailbox.row(subject).dblclick());
    expect(await reopened.subject.inputValue()).toBe(subject);
    expect(await reopened.recipientEntries('to')).toEqual(['client@exemple.fr']);
    await expect.poll(() => reopened.body.textContent()).toContain('Première phrase, écrite avant la pause.');
    await screenshot(reopened.page, 'compose-draft-reopened');

    // It is the same draft, written on: saving it again leaves one draft, not a second beside the first.
    await reopened.body.click();
    await reopened.page.keyboard.press('Control+End');
    await reopened.page.keyboard.type(' Et la suite.');
    await reopened.save();
    await expect.poll(() => reopened.saveStatus.getAttribute('data-state')).toBe('saved');
    const drafts = (await mailApp.client.api.drafts.list({})).items.filter((d) => d.draft.subject === subject);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.draft.html).toContain('Première phrase, écrite avant la pause. Et la suite.');
  });

  it('keeps what was just typed when the composer is reloaded before its save', async () => {
    const composer = await newMessage();
    await composer.subject.fill('Rechargé aussitôt');
    await composer.body.click();
    await composer.page.keyboard.type('Tapé juste avant le rechargement.');
    // The page asks before leaving with something unsaved; the person goes on anyway.
    composer.page.once('dialog', (dialog) => void dialog.accept());
    await composer.page.reload();
    await composer.ready();
    expect(await composer.subject.inputValue()).toBe('Rechargé aussitôt');
    await expect.poll(() => composer.body.textContent()).toContain('Tapé juste avant le rechargement.');
  });

  it('asks before closing with unsaved changes, and Save keeps them', async () => {
    const subject = 'Fermé sans attendre';
    const composer = await newMessage();
    await composer.addRecipient('to', 'client@exemple.fr');
    await composer.subject.fill(subject);
    await composer.body.click();
    await composer.page.keyboard.type('Écrit et fermé aussitôt.');
    await composer.close();
    await composer.closeDialog.waitFor();
    await screenshot(composer.page, 'compose-close-question');
    await Promise.all([composer.page.waitForEvent('close'), composer.closeDialog.getByTestId('compose-close-save').click()]);
    const saved = (await mailApp.client.api.drafts.list({})).items.find((d) => d.draft.subject === subject);
    expect(saved?.draft.html).toContain('Écrit et fermé aussitôt.');
  });
});
