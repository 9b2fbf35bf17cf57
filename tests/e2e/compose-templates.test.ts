import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBrowser, screenshot } from './browser.js';
import { ComposePage } from './compose-page.js';
import { CrmPage } from './crm-page.js';
import { startMailApp, type MailApp } from './mail-app.js';
import { MailboxPage } from './mailbox-page.js';

/**
 * Given a customer in the CRM and two templates, the agent starts a mail from the customer's page ("Send email"),
 * inserts a template filled for her and sends it; a template whose field has no value for her is marked in the text
 * and the composer asks before sending it. A mail switched to plain text goes out as plain text, and the signature
 * follows the account the mail goes from.
 */

let mailApp: MailApp;
let accountId: number;
let otherAccountId: number;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;

beforeAll(async () => {
  mailApp = await startMailApp('bob');
  const api = mailApp.client.api;
  accountId = await mailApp.addAccount('bob');
  await api.sync.run({ accountId });
  otherAccountId = await mailApp.addAccount('carol');
  await api.signatures.set({ accountId, html: '<p>Bob, service commercial</p>', position: 'above-quote' });
  await api.signatures.set({ accountId: otherAccountId, html: '<p>Carol, comptabilité</p>', position: 'above-quote' });
  await api.contacts.create({ firstName: 'Marie', lastName: 'Dupont', email: 'marie@exemple.fr' });
  await api.templates.create({
    name: 'Relance devis',
    subject: 'Votre devis',
    greeting: '<p>Bonjour {{contact.firstName}},</p>',
    body: '<p>Avez-vous pu lire notre devis ?</p>',
    closing: '<p>Bien cordialement,</p>',
  });
  await api.templates.create({
    name: 'Devis société',
    subject: 'Devis pour {{company.name}}',
    body: '<p>Voici le devis pour {{company.name}}.</p>',
  });
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

/** "Send email" on Marie's page in the CRM. */
async function writeToMarie(): Promise<ComposePage> {
  const crm = new CrmPage(browser.page);
  await crm.open('contact');
  await crm.openRow('Marie Dupont');
  return composerFrom(() => browser.page.getByTestId('crm-send-email').click());
}

async function insertTemplate(composer: ComposePage, name: string): Promise<void> {
  await composer.window.getByTestId('compose-insert-template').click();
  await composer.page.getByRole('menuitem', { name }).click();
}

async function received(count: number) {
  await expect
    .poll(async () => {
      if (mailApp.smtp.received.length < count) await mailApp.client.api.outbox.send({ accountId });
      return mailApp.smtp.received.length;
    }, { timeout: 20_000 })
    .toBe(count);
  return mailApp.smtp.received[count - 1]!;
}

describe('writing from a template', () => {
  it('starts from the customer\'s page, fills the template for her, and sends it', async () => {
    const composer = await writeToMarie();
    expect(await composer.recipientEntries('to')).toEqual(['Marie Dupont <marie@exemple.fr>']);
    await insertTemplate(composer, 'Relance devis');
    await expect.poll(() => composer.subject.inputValue()).toBe('Votre devis');
    await expect.poll(() => composer.body.textContent()).toContain('Bonjour Marie,');
    expect(await composer.body.textContent()).toContain('Avez-vous pu lire notre devis ?');
    expect(await composer.window.getByTestId('compose-template-missing').count()).toBe(0);
    await screenshot(composer.page, 'compose-from-template');

    await Promise.all([composer.page.waitForEvent('close'), composer.send()]);
    const wire = await received(mailApp.smtp.received.length + 1);
    const mail = await simpleParser(wire.raw);
    expect(wire.to).toEqual(['marie@exemple.fr']);
    expect(mail.subject).toBe('Votre devis');
    expect(mail.text).toContain('Bonjour Marie,');
    expect(mail.text).toContain('Bien cordialement,');
  });

  it('marks a field without a value, and asks before sending it', async () => {
    const composer = await writeToMarie();
    await insertTemplate(composer, 'Devis société');
    const note = composer.window.getByTestId('compose-template-missing');
    await note.waitFor();
    expect(await note.textContent()).toContain('{{company.name}}');
    await expect.poll(() => composer.body.textContent()).toContain('Voici le devis pour {{company.name}}.');

    const before = mailApp.smtp.received.length;
    await composer.send();
    const check = composer.page.getByTestId('compose-check-dialog');
    await check.waitFor();
    expect(await check.getByTestId('compose-check-missing').textContent()).toContain('{{company.name}}');
    await screenshot(composer.page, 'compose-template-missing-check');
    // Going back keeps the mail open to be corrected; nothing left.
    await check.getByTestId('compose-check-cancel').click();
    expect(composer.page.isClosed()).toBe(false);
    expect((await mailApp.client.api.outbox.list({})).items.filter((m) => m.subject.startsWith('Devis pour'))).toHaveLength(0);
    expect(mailApp.smtp.received.length).toBe(before);
  });
});

describe('plain text', () => {
  it('asks before dropping the formatting, and sends text only', async () => {
    const composer = await composerFrom(() => mailbox.page.getByTestId('compose-new').click());
    await composer.addRecipient('to', 'client@exemple.fr');
    await composer.subject.fill('En texte brut');
    await composer.body.click();
    await composer.page.keyboard.type('Une ligne ');
    await composer.page.keyboard.press('Control+b');
    await composer.page.keyboard.type('importante');
    await composer.window.getByTestId('compose-plain-text').click();
    const question = composer.page.getByTestId('confirm-dialog');
    await question.waitFor();
    await question.getByTestId('confirm-ok').click();
    const plain = composer.window.getByTestId('compose-body-plain');
    await expect.poll(() => plain.inputValue()).toBe('Une ligne importante');
    await plain.press('End');
    await plain.pressSequentially('.');

    await Promise.all([composer.page.waitForEvent('close'), composer.send()]);
    const wire = await received(mailApp.smtp.received.length + 1);
    const raw = wire.raw.toString();
    expect(raw).not.toMatch(/text\/html/i);
    expect((await simpleParser(wire.raw)).text).toContain('Une ligne importante.');
  });
});

describe('the account sent from', () => {
  it('swaps the signature for the chosen account\'s', async () => {
    const composer = await composerFrom(() => mailbox.page.getByTestId('compose-new').click());
    const select = composer.window.getByTestId('compose-from-select');
    // Asked when the rules could not settle it; otherwise named, with Change.
    if ((await select.count()) === 0) await composer.window.getByTestId('compose-from-change').click();
    await select.selectOption(String(accountId));
    await expect.poll(() => composer.signatureFrame().locator('body').textContent()).toContain('Bob, service commercial');
    await select.selectOption(String(otherAccountId));
    await expect.poll(() => composer.signatureFrame().locator('body').textContent()).toContain('Carol, comptabilité');
    expect(await composer.signatureFrame().locator('body').textContent()).not.toContain('Bob');
    await screenshot(composer.page, 'compose-from-choice');
  });
});
