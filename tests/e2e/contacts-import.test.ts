import { afterEach, describe, expect, it } from 'vitest';
import type { TestEngine } from '../helpers/engine.js';
import { seededDataDir } from '../helpers/seeded-data-dir.js';
import { utf8Mail } from '../helpers/utf8-mail.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { ContactsImportPage } from './contacts-import-page.js';
import { connectClient } from './contract-socket.js';
import { CrmPage } from './crm-page.js';
import { MailboxPage } from './mailbox-page.js';

/**
 * Given an office that already knows Jeanne and has mail from Marc, the agent imports the address book Excel saved
 * on a French Windows (Windows-1252, ";" separated): the preview shows the names with their accents, the agent
 * maps the column Facteur did not recognise, imports, reads the report (Jeanne completed, a row skipped and why),
 * and finds the new contacts in the list with Marc's earlier mail in his history. A file that is not an address
 * book is refused with the reason, and a phone's .vcf imports the same way.
 */

const CARNET = [
  'Prénom;Nom;Société;Courriel;Mobile perso;Fonction',
  'Hélène;Lefèvre;Boulangerie Lefèvre;helene@boulangerie-lefevre.fr;06 12 34 56 78;Gérante',
  'Marc;Aubert;Boulangerie Lefèvre;marc.aubert@boulangerie-lefevre.fr;;Livreur',
  'Jeanne;Roux;Atelier Roux;jeanne.roux@atelier-roux.fr;06 98 76 54 32;',
  ';;;;01 00 00 00 00;',
  '',
].join('\r\n');

const fromMarc = utf8Mail({
  from: 'Marc Aubert <marc.aubert@boulangerie-lefevre.fr>',
  to: 'Accueil <accueil@facteur.test>',
  subject: 'Livraison de mardi',
  date: new Date(),
  messageId: 'livraison-mardi@boulangerie-lefevre.fr',
  body: 'Bonjour, la livraison arrive mardi.',
});

let app: RunningApp | undefined;
let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;

async function start(seed: (s: TestEngine) => Promise<void> = async () => undefined) {
  app = await startApp(await seededDataDir(seed));
  browser = await openBrowser();
  await new MailboxPage(browser.page).open(app.url);
  const crm = new CrmPage(browser.page);
  await crm.open('contact');
  return { crm, dialog: new ContactsImportPage(browser.page) };
}

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
  browser = undefined;
  app = undefined;
});

describe('importing contacts in the window', () => {
  it('previews a French Excel CSV with its accents, takes a mapping change, imports, reports, and the list shows the contacts', async () => {
    const { crm, dialog } = await start(async ({ api }) => {
      await api.contacts.create({ firstName: 'Jeanne', lastName: 'Roux', email: 'jeanne.roux@atelier-roux.fr' });
      const inbox = (await api.folders.tree()).folders.find((f) => f.accountId === null && f.kind === 'inbox')!.id;
      await api.messages.ingest({ raw: fromMarc, folder: inbox });
    });
    await dialog.openButton.click();
    await dialog.chooseFile('carnet.csv', Buffer.from(CARNET, 'latin1'));

    await expect.poll(() => dialog.preview.locator('.cimport-summary').innerText()).toBe('CSV file, 4 rows');
    expect(await dialog.encoding.inputValue()).toBe('windows-1252');
    expect(await dialog.field('Prénom').inputValue()).toBe('firstName');
    expect(await dialog.field('Courriel').inputValue()).toBe('email');
    expect(await dialog.field('Mobile perso').inputValue()).toBe('ignore');
    expect(await dialog.previewRow(2).innerText()).toContain('Hélène Lefèvre');
    expect(await dialog.counts()).toEqual({ created: 2, merged: 1, skipped: 1, companies: 2, linked: 1 });

    // The phone column Facteur did not recognise: the preview follows the mapping.
    await dialog.field('Mobile perso').selectOption('phone');
    await expect.poll(() => dialog.previewRow(2).innerText()).toContain('06 12 34 56 78');
    expect(await dialog.previewRow(4).getAttribute('data-outcome')).toBe('merged');
    expect(await dialog.previewRow(4).innerText()).toContain('filled in: phones, company');

    // Cancel, then the action, as in every other dialog; after the import, only Close.
    const footer = dialog.dialog.locator('footer button');
    expect(await footer.allInnerTexts()).toEqual(['Cancel', 'Import']);
    await dialog.run();
    expect(await footer.allInnerTexts()).toEqual(['Close']);
    expect(await dialog.counts()).toEqual({ created: 2, merged: 1, skipped: 1, companies: 2, linked: 1 });
    expect(await dialog.reportRow(5).innerText()).toContain('no name, no email address and no company');
    expect(await dialog.reportRow(4).innerText()).toContain('filled in: phones, company');
    await dialog.close();

    await expect.poll(() => crm.rows.count()).toBe(3);
    expect(await crm.row('Hélène').innerText()).toContain('Boulangerie Lefèvre');
    const { client, close } = await connectClient(app!);
    const marc = (await client.api.contacts.list({ query: 'marc' })).items[0]!;
    expect(marc).toMatchObject({ lastName: 'Aubert', phones: [], companyName: 'Boulangerie Lefèvre' });
    expect((await client.api.contacts.history({ id: marc.id })).items.map((m) => m.subject)).toEqual(['Livraison de mardi']);
    expect((await client.api.contacts.list({ query: 'jeanne' })).items[0]).toMatchObject({ phones: ['06 98 76 54 32'], companyName: 'Atelier Roux' });
    close();
  });

  it('refuses an Excel workbook with the reason, and imports a phone\'s vCard file', async () => {
    const { crm, dialog } = await start();
    await dialog.openButton.click();
    await dialog.chooseFile('carnet.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect.poll(() => dialog.problem.innerText()).toContain('"carnet.xlsx" is an Excel workbook or another zip file, not CSV');
    expect(await dialog.dialog.getByTestId('contacts-import-run').getAttribute('aria-disabled')).toBe('true');

    const vcf = [
      'BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C8=9Aop;=C8=98tefan;;;', 'TEL;CELL:+40 721 000 111', 'EMAIL;INTERNET:stefan.top@exemplu.ro', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Ionescu;Ana;;;', 'ORG:Exemplu SRL', 'EMAIL;TYPE=WORK:ana@exemplu.ro', 'END:VCARD', '',
    ].join('\r\n');
    await dialog.chooseFile('telefon.vcf', Buffer.from(vcf), 'text/vcard');
    await expect.poll(() => dialog.preview.locator('.cimport-summary').innerText()).toBe('vCard file, 2 cards');
    expect(await dialog.problem.count()).toBe(0);
    expect(await dialog.dialog.getByTestId('contacts-import-mapping').count()).toBe(0);
    expect(await dialog.previewRow(1).innerText()).toContain('Ștefan Țop');
    await dialog.run();
    expect(await dialog.counts()).toEqual({ created: 2, companies: 1 });
    await dialog.close();
    await expect.poll(() => crm.rows.count()).toBe(2);
    expect(await crm.row('Ștefan').innerText()).toContain('stefan.top@exemplu.ro');
  });
});
