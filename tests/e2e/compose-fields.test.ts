import { simpleParser, type AddressObject } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RecordRef } from '../../src-shared/contract/index.js';
import { bannerPng } from '../helpers/attachment-mail.js';
import { utf8Mail } from '../helpers/utf8-mail.js';
import { openBrowser, screenshot } from './browser.js';
import { ComposeFieldsPage } from './compose-fields-page.js';
import { ComposePage } from './compose-page.js';
import { startMailApp, type MailApp } from './mail-app.js';
import { MailboxPage } from './mailbox-page.js';

/**
 * Given an agent with a mail account (real IMAP and SMTP servers), customers in the CRM (one of them blacklisted)
 * with documents on their records, and an email from a customer, the agent fills the composer's recipients,
 * attachments and options with the keyboard, the clipboard, files and drops, and what reaches the SMTP server (or
 * waits in the Outbox) is exactly what the fields showed.
 *
 * The browser and the app run on Paris time, as the office's computers do; "send later" is asked in Bucharest's.
 */
process.env.TZ = 'Europe/Paris';

const PNG = bannerPng();
const PLAN = Buffer.concat([Buffer.from('%PDF-1.4\n% plan vitrine\n'), Buffer.alloc(4000, 0x50)]);
const TERMS = Buffer.concat([Buffer.from('%PDF-1.4\n% CGV\n'), Buffer.alloc(2000, 0x43)]);
const ORDER = Buffer.concat([Buffer.from('%PDF-1.4\n% commande\n'), Buffer.alloc(1500, 0x4f)]);
const QUOTE = Buffer.concat([Buffer.from('%PDF-1.7\n% devis 7\n'), Buffer.alloc(3000, 0x51)]);
const REQUEST = 'Photos de la vitrine';

let mailApp: MailApp;
let accountId: number;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;

beforeAll(async () => {
  mailApp = await startMailApp('alice');
  const api = mailApp.client.api;
  accountId = await mailApp.addAccount('alice');
  await api.sync.run({ accountId });

  const ana = await api.contacts.create({ firstName: 'Ana', lastName: 'Ionescu', email: 'ana@exemplu.ro', companyName: 'Exemplu SRL' });
  const radu = await api.contacts.create({ firstName: 'Radu', lastName: 'Pop', email: 'radu@exemplu.ro' });
  await api.addresses.setBlacklisted({ address: 'radu@exemplu.ro', blacklisted: true });
  const anaRef: RecordRef = { type: 'contact', id: ana.id };
  const company: RecordRef = { type: 'company', id: ana.companyId! };
  await api.documents.add({ record: anaRef, folder: 'Plans', name: 'Plan vitrine.pdf', contentType: 'application/pdf', data: PLAN.toString('base64') });
  await api.documents.add({ record: company, name: 'Conditions générales.pdf', contentType: 'application/pdf', data: TERMS.toString('base64') });
  await api.documents.add({ record: { type: 'contact', id: radu.id }, name: 'Bon de commande.pdf', contentType: 'application/pdf', data: ORDER.toString('base64') });
  await api.categories.create({ name: 'Devis envoyés', direction: 'out', family: 'Ventes' });
  const request = utf8Mail({
    from: 'Ana Ionescu <ana@exemplu.ro>',
    to: 'Alice <alice@facteur.test>',
    subject: REQUEST,
    date: 'Wed, 11 Nov 2026 10:00:00 +0100',
    messageId: 'photos-1@exemplu.ro',
    body: 'Bonjour, le plan de la vitrine est-il prêt ?',
  });
  await api.messages.ingest({ raw: request });
});

afterAll(async () => mailApp?.stop());

beforeEach(async () => {
  mailApp.smtp.received.length = 0;
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  await mailbox.open(mailApp.app.url);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) {
    for (const [i, page] of browser.context.pages().entries()) await screenshot(page, `failed-${ctx.task.name}-${i}`);
  }
  await browser?.close();
});

async function composerFrom(open: () => Promise<void>): Promise<{ composer: ComposePage; fields: ComposeFieldsPage }> {
  const composer = await ComposePage.openedBy(browser.page, open);
  return { composer, fields: new ComposeFieldsPage(composer.page) };
}

const newMessage = () => composerFrom(() => mailbox.page.getByTestId('compose-new').click());

/** The one mail the SMTP server received, parsed by an independent parser; the Outbox is asked to send if it has not yet. */
async function received() {
  await expect
    .poll(async () => {
      if (mailApp.smtp.received.length === 0) await mailApp.client.api.outbox.send({ accountId });
      return mailApp.smtp.received.length;
    }, { timeout: 20_000 })
    .toBe(1);
  return { wire: mailApp.smtp.received[0]!, mail: await simpleParser(mailApp.smtp.received[0]!.raw) };
}

const addresses = (field: AddressObject | AddressObject[] | undefined) => (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => f.value.map((a) => ({ name: a.name, address: a.address })));

async function sendAnyway(composer: ComposePage): Promise<void> {
  await composer.send();
  const check = composer.page.getByTestId('compose-check-dialog');
  await check.waitFor();
  await Promise.all([composer.page.waitForEvent('close'), check.getByTestId('compose-check-send').click()]);
}

describe('recipients', () => {
  it('takes suggestions by keyboard, keeps "Dupont, Jean" whole, reads a pasted list, explains wrong addresses and shows the engine’s warnings', async () => {
    const { composer, fields } = await newMessage();
    await expect.poll(() => composer.focusedTestId()).toBe('recipient-input');

    // A contact found by part of her name, with her company; Enter takes the first suggestion.
    await fields.input('to').pressSequentially('iones');
    await expect.poll(() => fields.suggestions('to').count()).toBe(1);
    expect(await fields.activeSuggestion('to')).toBe('Ana Ionescuana@exemplu.roExemplu SRLContact');
    expect(await fields.input('to').getAttribute('aria-expanded')).toBe('true');
    await fields.input('to').press('Enter');
    expect(await fields.chips('to')).toEqual(['Ana Ionescu|']);
    expect(await fields.input('to').inputValue()).toBe('');

    // The blacklisted contact says so in the list; Tab takes it and the focus stays to add more.
    await fields.input('to').pressSequentially('radu');
    await expect.poll(() => fields.suggestions('to').allTextContents()).toEqual(['Radu Popradu@exemplu.roContact blacklisted']);
    await screenshot(composer.page, 'compose-fields-suggestions');
    await fields.input('to').press('Tab');
    expect(await fields.chips('to')).toEqual(['Ana Ionescu|', 'Radu Pop|']);
    expect(await composer.focusedTestId()).toBe('recipient-input');

    // Outlook's "Last, First <address>" typed out: the comma after the last name does not end the entry.
    await fields.input('to').pressSequentially('Dupont, Jean <jean.dupont@exemple.fr>,');
    expect(await fields.chips('to')).toEqual(['Ana Ionescu|', 'Radu Pop|', 'Dupont, Jean|']);
    // Backspace in the empty input takes the last one back out, and says so.
    await fields.input('to').press('Backspace');
    expect(await fields.chips('to')).toEqual(['Ana Ionescu|', 'Radu Pop|']);
    expect(await fields.status('to').textContent()).toBe('Removed: Dupont, Jean <jean.dupont@exemple.fr>');

    // A list pasted from elsewhere: each entry a chip, the wrong ones red with what is wrong.
    await composer.window.getByTestId('compose-show-cc').click();
    await fields.paste('cc', '"Dupont, Jean" <jean.dupont@exemple.fr>; bad@\nmarc@lefevre\nJean Martin');
    expect(await fields.chips('cc')).toEqual(['Dupont, Jean|', 'bad@|invalid', 'marc@lefevre|invalid', 'Jean Martin|invalid']);
    expect(await fields.problems('cc')).toEqual([
      '“bad@” has nothing after the @.',
      '“marc@lefevre”: the domain after the @ is incomplete (it ends like example.com).',
      '“Jean Martin” has no email address.',
    ]);
    expect(await fields.status('cc').textContent()).toBe('4 recipients added');
    await screenshot(composer.page, 'compose-fields-invalid');

    // A wrong one is corrected in place: its text goes back into the input.
    await fields.chip('cc', 'marc@lefevre').getByTestId('recipient-chip-text').click();
    expect(await fields.input('cc').inputValue()).toBe('marc@lefevre');
    await fields.input('cc').press('End');
    await fields.input('cc').pressSequentially('.fr');
    await fields.input('cc').press('Enter');
    await fields.chip('cc', 'bad@').getByTestId('recipient-chip-remove').click();
    await fields.chip('cc', 'Jean Martin').getByTestId('recipient-chip-remove').click();
    expect(await fields.chips('cc')).toEqual(['Dupont, Jean|', 'marc@lefevre.fr|']);
    expect(await fields.problems('cc')).toEqual([]);

    // Sending asks the engine first: the blacklisted address is named, and its chip warns once the question is put off.
    await composer.subject.fill('Plan de la vitrine');
    await composer.send();
    const check = composer.page.getByTestId('compose-check-dialog');
    await check.waitFor();
    await check.getByTestId('compose-check-cancel').click();
    expect(await fields.chips('to')).toEqual(['Ana Ionescu|', 'Radu Pop|warning']);
    expect(await fields.problems('to')).toEqual(['“Radu Pop <radu@exemplu.ro>” is on the blacklist: check before writing to it.']);
    expect(await fields.chip('to', 'Radu Pop').getByRole('img').getAttribute('aria-label')).toBe('blacklisted');
    await screenshot(composer.page, 'compose-fields-warning');

    await sendAnyway(composer);
    const { wire, mail } = await received();
    expect(wire.to.sort()).toEqual(['ana@exemplu.ro', 'jean.dupont@exemple.fr', 'marc@lefevre.fr', 'radu@exemplu.ro']);
    expect(addresses(mail.to)).toEqual([
      { name: 'Ana Ionescu', address: 'ana@exemplu.ro' },
      { name: 'Radu Pop', address: 'radu@exemplu.ro' },
    ]);
    expect(addresses(mail.cc)).toEqual([
      { name: 'Dupont, Jean', address: 'jean.dupont@exemple.fr' },
      { name: '', address: 'marc@lefevre.fr' },
    ]);
  });
});

describe('attachments', () => {
  it('attaches chosen, renamed, dropped and CRM files, refuses the total over the limit, and sends exactly those files', async () => {
    await mailbox.openFolder('inbox');
    await mailbox.openMessage(REQUEST);
    const { composer, fields } = await composerFrom(() => mailbox.reader.pane.getByTestId('reader-reply').click());
    expect(await fields.chips('to')).toEqual(['Ana Ionescu|']);

    await fields.attachFiles([
      { name: 'devis.pdf', mimeType: 'application/pdf', buffer: QUOTE },
      { name: 'vitrine.png', mimeType: 'image/png', buffer: PNG },
    ]);
    // Sizes in 1024s, truncated to a tenth: 3,019 bytes are 2.9 kB; the 167-byte picture shows its least, 0.1 kB.
    await expect.poll(() => fields.attachmentRows()).toEqual(['devis.pdf|2.9 kB', 'vitrine.png|0.1 kB']);
    expect(await fields.attachment('devis.pdf').getByRole('img').getAttribute('aria-label')).toBe('PDF document');

    // The name the customer will see, changed in place.
    await fields.attachment('devis.pdf').getByTestId('compose-attachment-name').fill('Devis n° 7 — vitrine.pdf');
    await fields.attachment('devis.pdf').getByTestId('compose-attachment-name').press('Enter');
    await fields.attachment('Devis n° 7 — vitrine.pdf').waitFor();

    // Dropped anywhere on the composer (here on the subject), not only on the panel.
    await fields.dropFiles(composer.subject, [{ name: 'mesures.txt', type: 'text/plain', text: '2,40 m × 1,80 m' }]);
    await fields.attachment('mesures.txt').waitFor();

    // A file that takes the total over the limit: said plainly, with what to do; removing it settles it.
    await fields.attachFiles([{ name: 'vidéo vitrine.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(11 * 1024 * 1024, 1) }]);
    await fields.over.waitFor({ timeout: 30_000 });
    expect(await fields.over.textContent()).toMatch(/^11(\.\d)? MB of attachments — the limit is 10 MB; remove some or share a link\.$/);
    await screenshot(composer.page, 'compose-fields-over-limit');
    await fields.attachment('vidéo vitrine.mp4').getByTestId('compose-attachment-remove').click();
    expect(await fields.over.count()).toBe(0);
    expect(await composer.focusedTestId()).toBe('compose-attach-files');

    // From the CRM: the records the email is filed under come first (the customer chosen), with their documents.
    await fields.attachments.getByTestId('compose-attach-crm').click();
    await fields.crmDialog.waitFor();
    const linked = fields.crmDialog.getByRole('radio');
    await expect.poll(() => linked.evaluateAll((radios) => radios.map((r) => `${r.closest('label')?.textContent}=${(r as HTMLInputElement).checked}`))).toEqual([
      'Ana Ionescu (Contact)=true',
      'Exemplu SRL (Company)=false',
      'Another record…=false',
    ]);
    await fields.crmDialog.getByTestId('compose-crm-file').filter({ hasText: 'Plan vitrine.pdf' }).getByRole('checkbox').check();
    expect(await fields.crmDialog.getByTestId('compose-crm-file').textContent()).toContain('Plans · 3.9 kB');
    await screenshot(composer.page, 'compose-fields-crm-documents');
    await fields.crmDialog.getByTestId('compose-crm-attach').click();
    await fields.attachment('Plan vitrine.pdf').waitFor();
    expect(await fields.attachment('Plan vitrine.pdf').textContent()).toContain('from the CRM');

    // The company's, by its radio; or any record, found by name.
    await fields.attachments.getByTestId('compose-attach-crm').click();
    await fields.crmDialog.getByRole('radio', { name: 'Exemplu SRL (Company)' }).check();
    await fields.crmDialog.getByTestId('compose-crm-file').filter({ hasText: 'Conditions générales.pdf' }).getByRole('checkbox').check();
    await fields.crmDialog.getByTestId('compose-crm-attach').click();
    await fields.attachment('Conditions générales.pdf').waitFor();
    await fields.attachments.getByTestId('compose-attach-crm').click();
    await fields.crmDialog.getByTestId('file-other-record').check();
    await fields.crmDialog.getByTestId('file-record-search').fill('Radu');
    await fields.crmDialog.locator('label', { hasText: 'Radu Pop' }).getByTestId('file-record-hit').check();
    await fields.crmDialog.getByTestId('compose-crm-file').filter({ hasText: 'Bon de commande.pdf' }).getByRole('checkbox').check();
    await fields.crmDialog.getByTestId('compose-crm-attach').click();
    await fields.attachment('Bon de commande.pdf').waitFor();
    expect((await fields.attachmentRows()).map((r) => r.split('|')[0])).toEqual([
      'Devis n° 7 — vitrine.pdf',
      'vitrine.png',
      'mesures.txt',
      'Plan vitrine.pdf',
      'Conditions générales.pdf',
      'Bon de commande.pdf',
    ]);
    expect(await fields.total.textContent()).toMatch(/^\d+(\.\d)? kB of 10 MB$/);
    await screenshot(composer.page, 'compose-fields-attachments');

    await Promise.all([composer.page.waitForEvent('close'), composer.send()]);
    const { mail } = await received();
    const files = Object.fromEntries(mail.attachments.map((a) => [a.filename, a.content]));
    expect(Object.keys(files).sort()).toEqual(['Bon de commande.pdf', 'Conditions générales.pdf', 'Devis n° 7 — vitrine.pdf', 'Plan vitrine.pdf', 'mesures.txt', 'vitrine.png']);
    expect(files['Devis n° 7 — vitrine.pdf']!.equals(QUOTE)).toBe(true);
    expect(files['Plan vitrine.pdf']!.equals(PLAN)).toBe(true);
    expect(files['Conditions générales.pdf']!.equals(TERMS)).toBe(true);
    expect(files['Bon de commande.pdf']!.equals(ORDER)).toBe(true);
    expect(files['vitrine.png']!.equals(PNG)).toBe(true);
    expect(files['mesures.txt']!.toString()).toBe('2,40 m × 1,80 m');
  });
});

/** The last Sunday of March after `now`: the clocks go forward across Europe that night. */
function nextSpringForward(now: Date): string {
  for (let year = now.getUTCFullYear(); ; year++) {
    const day = new Date(Date.UTC(year, 2, 31));
    day.setUTCDate(31 - day.getUTCDay());
    if (day.getTime() > now.getTime() + 86_400_000) return day.toISOString().slice(0, 10);
  }
}

const parisWall = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

describe('send options', () => {
  it('sends with a read receipt, private and in an outgoing category', async () => {
    const { composer, fields } = await newMessage();
    await composer.addRecipient('to', 'client@exemple.fr');
    await composer.subject.fill('Devis signé');
    await composer.page.getByTestId('compose-options').locator('summary').click();
    await fields.options.getByTestId('compose-read-receipt').check();
    await fields.options.getByTestId('compose-private').check();
    expect(await fields.options.getByTestId('compose-category').locator('optgroup').getAttribute('label')).toBe('Ventes');
    await fields.options.getByTestId('compose-category').selectOption({ label: 'Devis envoyés' });
    await screenshot(composer.page, 'compose-fields-options');

    await Promise.all([composer.page.waitForEvent('close'), composer.send()]);
    const { mail } = await received();
    expect(mail.headers.get('disposition-notification-to')).toBeTruthy();
    const queued = (await mailApp.client.api.outbox.list({})).items.find((i) => i.subject === 'Devis signé')!;
    const stored = await mailApp.client.api.messages.get({ id: queued.messageId });
    expect(stored.private).toBe(true);
    expect(stored.category).toBe('Devis envoyés');
  });

  it('sends tomorrow morning, or at a time chosen in another zone across the change to summer time, and refuses a past time', async () => {
    const { composer, fields } = await newMessage();
    await composer.addRecipient('to', 'client@exemple.fr');
    await composer.subject.fill('Plus tard');
    await composer.window.getByTestId('compose-send-later-button').click();
    await fields.later.waitFor();

    await fields.later.getByTestId('send-when-morning').check();
    await expect.poll(() => fields.laterSummary.textContent()).toMatch(/^It will be sent on .+ at 8:00 AM\.$/);
    await composer.save();
    await expect.poll(() => composer.saveStatus.getAttribute('data-state')).toBe('saved');
    const saved = (await mailApp.client.api.drafts.list({})).items.find((d) => d.draft.subject === 'Plus tard')!;
    const tomorrow = parisWall(new Date(Date.now() + 86_400_000).toISOString()).slice(0, 10);
    expect(parisWall(saved.draft.sendAt!)).toBe(`${tomorrow}, 08:00`);

    // A date already past is refused beside the choice, and Send does not go.
    await fields.later.getByTestId('send-when-custom').check();
    expect(await fields.later.getByTestId('send-later-zone').inputValue()).toBe('Europe/Paris');
    const yesterday = parisWall(new Date(Date.now() - 86_400_000).toISOString()).slice(0, 10);
    await fields.later.getByTestId('send-later-date').fill(yesterday);
    await fields.later.getByTestId('send-later-time').fill('09:00');
    expect(await fields.laterSummary.textContent()).toBe('That time has passed: choose a later one.');
    expect(await fields.laterSummary.getAttribute('role')).toBe('alert');
    const before = (await mailApp.client.api.outbox.list({})).items.length;
    await composer.send();
    await expect.poll(() => composer.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('send-when-custom');
    expect(composer.page.isClosed()).toBe(false);
    expect((await mailApp.client.api.outbox.list({})).items.length).toBe(before);

    // 03:30 in Bucharest on the night the clocks go forward does not exist: it is 04:30 there, 03:30 in Paris, 01:30 UTC.
    const day = nextSpringForward(new Date());
    await fields.later.getByTestId('send-later-zone').selectOption('Europe/Bucharest');
    await fields.later.getByTestId('send-later-date').fill(day);
    await fields.later.getByTestId('send-later-time').fill('03:30');
    const instant = new Date(`${day}T01:30:00Z`);
    const shown = (timeZone: string) => new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(instant);
    expect(shown('Europe/Bucharest')).toMatch(/at 4:30 AM$/);
    expect(await fields.laterSummary.textContent()).toBe(
      `It will be sent on ${shown('Europe/Bucharest')}. That is ${shown('Europe/Paris')} here. 3:30 AM does not exist that day in Europe/Bucharest (the clocks go forward), hence the later time.`,
    );
    await screenshot(composer.page, 'compose-fields-send-later');

    await Promise.all([composer.page.waitForEvent('close'), composer.send()]);
    const queued = (await mailApp.client.api.outbox.list({})).items.find((i) => i.subject === 'Plus tard')!;
    expect(queued.sendAfter).toBe(`${day}T01:30:00.000Z`);
    expect(queued.state).toBe('queued');
  });
});
