import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { dovecotTls, imapSettings, PASSWORD } from '../helpers/mail-accounts.js';
import { seededDataDir } from '../helpers/seeded-data-dir.js';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { CrmPage } from './crm-page.js';
import { MailboxPage } from './mailbox-page.js';
import { MailingsPage } from './mailings-page.js';

/**
 * Given an office whose contacts include three customers at client.test (one of them blacklisted) and a spring
 * offer template, the agent searches the contacts list, leaves one customer out, checks the preview, starts a
 * mailing at its rate and watches it reach "Done" while the SMTP server receives each personalised copy.
 */

let dovecot: Dovecot;
let smtp: SmtpReceiver | undefined;
let app: RunningApp | undefined;
let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;

beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
  await smtp?.stop();
  browser = undefined;
  app = undefined;
  smtp = undefined;
});

describe('group mailings', () => {
  it('starts a mailing to a selection of the contacts list and follows it to "Done"', async () => {
    smtp = await startSmtpReceiver({ user: 'alice', pass: PASSWORD }, dovecotTls(dovecot));
    const port = smtp.port;
    const dataDir = await seededDataDir(async ({ api, engine }) => {
      await api.agents.update({ id: engine.defaultAgentId, name: 'Jean Martin', email: 'jean@facteur.test' });
      await api.accounts.add({ name: 'Sales', email: 'alice@facteur.test', settings: imapSettings(dovecot, 'alice', port), password: PASSWORD });
      await api.templates.create({
        name: 'Spring offer',
        subject: 'Our spring offer for {{company.name}}',
        greeting: '<p>{{greeting}}</p>',
        body: '<p>Here is our spring offer.</p>',
        closing: '<p>{{agent.fullName}}</p>',
      });
      await api.contacts.create({ firstName: 'Marie', lastName: 'Lefèvre', email: 'marie@client.test', companyName: 'Boulangerie Lefèvre' });
      await api.contacts.create({ firstName: 'Ion', lastName: 'Popescu', email: 'ion@client.test' });
      await api.contacts.create({ firstName: 'Paul', lastName: 'Durand', email: 'paul@client.test' });
      await api.contacts.create({ firstName: 'Ana', lastName: 'Ionescu', email: 'ana@client.test' });
      await api.addresses.setBlacklisted({ address: 'ana@client.test', blacklisted: true });
      await api.contacts.create({ firstName: 'Radu', lastName: 'Stan', email: 'radu@firma.ro' });
    });
    app = await startApp(dataDir);
    browser = await openBrowser();
    const crm = new CrmPage(browser.page);
    const mailings = new MailingsPage(browser.page);
    await new MailboxPage(browser.page).open(app.url);

    await crm.open('contact');
    await crm.search('client.test');
    await expect.poll(() => crm.rows.count()).toBe(4);
    await mailings.openDialogFromList();
    await expect.poll(() => mailings.chosen.textContent()).toBe('Recipients: 4 of 4 chosen');
    await mailings.choice('Paul Durand').uncheck();
    expect(await mailings.chosen.textContent()).toBe('Recipients: 3 of 4 chosen');

    await mailings.chooseTemplate('Spring offer');
    // The preview is filled for the first one chosen; whoever it is, it greets them and names what they lack.
    await expect.poll(() => mailings.previewSubject.textContent()).toMatch(/^Our spring offer for/);
    const first = (await mailings.previewSubject.textContent())!;
    if (first.endsWith('Boulangerie Lefèvre')) await expect.poll(() => mailings.previewBody.textContent()).toContain('Dear Marie,');
    else await expect.poll(() => mailings.previewMissing.textContent()).toContain('{{company.name}}');
    await mailings.setRate(600);
    await screenshot(browser.page, 'mailing-dialog');
    await mailings.start();

    await mailings.view.waitFor();
    await expect.poll(() => mailings.state.textContent(), { timeout: 30_000 }).toBe('Done');
    expect(await mailings.progress.textContent()).toBe('2 of 3 sent');
    expect(await mailings.count('skipped').textContent()).toBe('1');
    const rows = await mailings.recipientRows();
    expect(rows.map((r) => r.slice(1)).sort()).toEqual([
      ['ana@client.test', 'Skipped — Blacklisted address'],
      ['ion@client.test', 'Sent'],
      ['marie@client.test', 'Sent'],
    ]);
    await screenshot(browser.page, 'mailing-done');

    const received = await Promise.all(smtp.received.map(async (r) => ({ to: r.to, mail: await simpleParser(r.raw) })));
    expect(received.map((r) => r.to.join(',')).sort()).toEqual(['ion@client.test', 'marie@client.test']);
    const toMarie = received.find((r) => r.to[0] === 'marie@client.test')!.mail;
    expect(toMarie.subject).toBe('Our spring offer for Boulangerie Lefèvre');
    expect(toMarie.html).toContain('<p>Dear Marie,</p>');
    expect(received.find((r) => r.to[0] === 'ion@client.test')!.mail.html).toContain('<p>Dear Ion,</p>');

    // The Mailings section lists it, done.
    await browser.page.getByTestId('mailing-back').click();
    await expect.poll(() => mailings.listRows.count()).toBe(1);
    expect(await mailings.listRows.first().getByTestId('mailing-row-state').textContent()).toBe('Done');
  });
});
