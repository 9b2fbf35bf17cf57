import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contact, ContactsImportReport } from '../../src-shared/contract/index.js';
import { runCli, runCliJson } from '../helpers/cli.js';
import { openLocalMailEngine } from '../helpers/local-mail.js';
import { tempDir } from '../helpers/temp.js';
import { mailSequence } from '../helpers/utf8-mail.js';

/**
 * Given an office's store with some contacts, companies and mail, when an address book exported from Outlook,
 * Gmail or a phone is imported through the contract, then every person is a contact once, with their company,
 * their earlier mail is in their history, and the report says what was created, merged and skipped, and why.
 */

const mail = mailSequence('import', Date.UTC(2026, 2, 1));

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const OUTLOOK_FR = [
  'Prénom;Nom;Société;Téléphone (bureau);Tél. mobile;Adresse de messagerie;Adresse de messagerie 2;Notes',
  'Hélène;Lefèvre;Boulangerie Lefèvre;01 42 68 53 00;;helene@boulangerie-lefevre.fr;;Cliente fidèle',
  'Marc;Aubert;BOULANGERIE LEFÈVRE;;06 11 22 33 44;marc.aubert@boulangerie-lefevre.fr;;',
  ';;Garage Central;04 78 00 00 00;;;;Réparations des camionnettes',
  'Jeanne;Roux;Atelier Roux;;06 98 76 54 32;JEANNE.ROUX@atelier-roux.fr;jeanne.roux@gmail.com;',
  ';;;;;;;',
  ';;;01 23 45 67 89;;;;',
  'Paul;;;;;paul@@exemple;;',
  ';;;;;pas-une-adresse;;',
  'Hélène;Lefèvre;;;;HELENE@boulangerie-lefevre.fr;;Doublon dans le même fichier',
  '',
].join('\r\n');

describe('importing contacts through the contract', () => {
  it('previews without saving, then creates contacts with their companies, merges known addresses, and reports every skipped row', async () => {
    const { api, engine } = await openLocalMailEngine();
    // Already in the address book: Jeanne, without phone or company; and "Atelier Roux" is no company yet.
    const jeanne = await api.contacts.create({ firstName: 'Jeanne', lastName: 'Roux', email: 'jeanne.roux@atelier-roux.fr', notes: 'Rencontrée en 2024' });
    const bakery = await api.companies.create({ name: 'Boulangerie Lefèvre' });

    const preview = await api.contactsImport.preview({ filename: 'contacts-outlook.csv', data: b64(OUTLOOK_FR), rows: 3 });
    expect(preview).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(preview.columns.map((c) => c.field)).toEqual(['firstName', 'lastName', 'company', 'phone', 'phone', 'email', 'email', 'notes']);
    expect(preview.report).toMatchObject({ dryRun: true, total: 8, created: 3, merged: 1, unchanged: 1, skipped: 2, companiesCreated: 2 });
    // The first rows as they will be imported, then the others that will not simply be created.
    expect(preview.report.rows.map((r) => `${r.row}:${r.outcome}`)).toEqual(['2:created', '3:created', '4:company', '5:merged', '7:skipped', '9:skipped', '10:unchanged']);
    // Nothing was saved by the preview.
    expect((await api.contacts.list({})).total).toBe(1);
    expect((await api.companies.list({})).total).toBe(1);

    const report = await api.contactsImport.run({ filename: 'contacts-outlook.csv', data: b64(OUTLOOK_FR) });
    expect(report).toMatchObject({ dryRun: false, total: 8, created: 3, merged: 1, unchanged: 1, skipped: 2, companiesCreated: 2 });
    const byRow = new Map(report.rows.map((r) => [r.row, r]));
    expect(byRow.get(5)).toMatchObject({ outcome: 'merged', contactId: jeanne.id, filled: ['email2', 'phones', 'company'] });
    expect(byRow.get(7)).toMatchObject({ outcome: 'skipped', reason: { code: 'empty' } });
    expect(byRow.get(8)).toMatchObject({ outcome: 'created', firstName: 'Paul', emails: [], warnings: [{ code: 'invalidAddress', value: 'paul@@exemple' }] });
    expect(byRow.get(9)).toMatchObject({ outcome: 'skipped', reason: { code: 'invalidAddress', value: 'pas-une-adresse' } });
    expect(byRow.get(10)).toMatchObject({ outcome: 'unchanged', contactId: byRow.get(2)!.contactId });

    const helene = await api.contacts.get({ id: byRow.get(2)!.contactId! });
    expect(helene).toMatchObject({ firstName: 'Hélène', lastName: 'Lefèvre', email: 'helene@boulangerie-lefevre.fr', phones: ['01 42 68 53 00'], companyId: bakery.id, notes: 'Cliente fidèle' });
    // "BOULANGERIE LEFÈVRE" is the same company, whatever the case.
    expect((await api.contacts.get({ id: byRow.get(3)!.contactId! })).companyId).toBe(bakery.id);
    // Merged: the missing fields filled in, nothing that was there replaced.
    expect(await api.contacts.get({ id: jeanne.id })).toMatchObject({
      firstName: 'Jeanne', email: 'jeanne.roux@atelier-roux.fr', email2: 'jeanne.roux@gmail.com', phones: ['06 98 76 54 32'], companyName: 'Atelier Roux', notes: 'Rencontrée en 2024',
    });
    const garage = (await api.companies.list({ query: 'garage' })).items;
    expect(garage).toMatchObject([{ name: 'Garage Central', notes: 'Réparations des camionnettes', contacts: 0 }]);
    expect((await api.contacts.list({})).total).toBe(4);
    expect((await api.companies.list({})).total).toBe(3);

    // Imported again: everyone is there, nothing is created twice.
    const again = await api.contactsImport.run({ filename: 'contacts-outlook.csv', data: b64(OUTLOOK_FR) });
    expect(again).toMatchObject({ created: 0, companiesCreated: 0, merged: 0, skipped: 2 });
    expect((await api.contacts.list({})).total).toBe(4);
    await engine.close();
  });

  it('leaves existing contacts alone when asked, and says so row by row', async () => {
    const { api, engine } = await openLocalMailEngine();
    const ana = await api.contacts.create({ firstName: 'Ana', lastName: 'Ionescu', email: 'ana@exemplu.ro' });
    const csv = 'Prenume;Nume;Companie;Telefon;E-mail\r\nAna;Ionescu;Exemplu SRL;0721 000 111;ana@exemplu.ro\r\nMihai;Stan;Exemplu SRL;;mihai@exemplu.ro\r\n';
    const report = await api.contactsImport.run({ data: b64(csv), existing: 'skip' });
    expect(report.rows.map((r) => [r.outcome, r.reason?.code ?? null, r.contactId === ana.id])).toEqual([['skipped', 'existing', true], ['created', null, false]]);
    expect(report.rows[0]!.reason!.value).toBe('Ana Ionescu');
    expect(await api.contacts.get({ id: ana.id })).toMatchObject({ phones: [], companyId: null });
    await engine.close();
  });

  it('files the mail already in the store under the imported contacts and their company', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const fromIoana = await receive(mail('Ioana Mărginean <ioana@clinica-mures.ro>', 'me@facteur.test', 'Programare'));
    const fromRadu = await receive(mail('radu.vlad@example.ro', 'me@facteur.test', 'Factura'));
    await receive(mail('altcineva@example.ro', 'me@facteur.test', 'Altceva'));
    const vcf = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Mărginean;Ioana;;;', 'FN:Ioana Mărginean', 'ORG:Clinica Mureș', 'EMAIL;TYPE=WORK:ioana@clinica-mures.ro', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Vlad;Radu;;;', 'FN:Radu Vlad', 'EMAIL:Radu.Vlad@example.ro', 'END:VCARD',
      '',
    ].join('\r\n');
    const report = await api.contactsImport.run({ filename: 'telefon.vcf', data: b64(vcf) });
    expect(report).toMatchObject({ format: 'vcard', created: 2, companiesCreated: 1, messagesLinked: 2 });
    const [ioana, radu] = report.rows;
    expect((await api.contacts.history({ id: ioana!.contactId! })).items.map((m) => m.id)).toEqual([fromIoana]);
    expect((await api.contacts.history({ id: radu!.contactId! })).items.map((m) => m.id)).toEqual([fromRadu]);
    expect((await api.companies.history({ id: ioana!.companyId! })).items.map((m) => m.id)).toEqual([fromIoana]);
    expect((await api.messages.get({ id: fromRadu })).links.map((l) => l.name)).toEqual(['Radu Vlad']);
    await engine.close();
  });

  it('a dry run reports the same and saves nothing, links included', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const id = await receive(mail('zoe@client.fr', 'me@facteur.test', 'Devis'));
    const report = await api.contactsImport.run({ data: b64('Name,Email,Company\nZoé Martin,zoe@client.fr,Client SA\n'), dryRun: true });
    expect(report).toMatchObject({ dryRun: true, created: 1, companiesCreated: 1, messagesLinked: 1 });
    expect((await api.contacts.list({})).total).toBe(0);
    expect((await api.companies.list({})).total).toBe(0);
    expect((await api.messages.get({ id })).links).toEqual([]);
    await engine.close();
  });

  it('leaves no half import when a row fails to write', async () => {
    const { api, engine, dataDir } = await openLocalMailEngine();
    // A trigger stands in for a failure half-way (a full disk, a constraint): the third contact cannot be written.
    const db = new Database(join(dataDir, 'facteur.sqlite'));
    db.exec("CREATE TRIGGER fail_third BEFORE INSERT ON contacts WHEN NEW.first_name = 'Trois' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    db.close();
    const csv = 'First Name,E-mail Address,Company\nUn,un@x.fr,Nouvelle SARL\nDeux,deux@x.fr,\nTrois,trois@x.fr,\n';
    await expect(api.contactsImport.run({ data: b64(csv) })).rejects.toMatchObject({ code: 'STORE_ERROR', message: expect.stringMatching(/^Row 4 could not be saved \(disk full\), so nothing was imported/) });
    expect((await api.contacts.list({})).total).toBe(0);
    expect((await api.companies.list({})).total).toBe(0);
    await engine.close();
  });

  it('refuses a file it cannot read with a clear error', async () => {
    const { api, engine } = await openLocalMailEngine();
    await expect(api.contactsImport.preview({ filename: 'contacts.xlsx', data: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]).toString('base64') })).rejects.toMatchObject({
      code: 'INVALID_INPUT', message: expect.stringContaining('"contacts.xlsx" is an Excel workbook'),
    });
    await expect(api.contactsImport.run({ data: b64('') })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(api.contactsImport.run({ data: 'not base64!' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(api.contactsImport.run({ data: b64('Colonne A;Colonne B\r\nx;y\r\n') })).rejects.toMatchObject({
      code: 'INVALID_INPUT', message: expect.stringContaining('No column of the file is mapped'),
    });
    await expect(api.contactsImport.run({ data: b64('Name;Email\r\nx;y\r\n'), mapping: [{ column: 7, field: 'email' }] })).rejects.toMatchObject({
      code: 'INVALID_INPUT', message: 'Column 8 does not exist: the file has 2 columns.',
    });
    await engine.close();
  });

  it('imports from the command line: a dry run first, then with a column mapped by its header', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const file = join(dir, 'carnet.csv');
    // Excel's plain "CSV" on a French Windows: Windows-1252, ';' between columns.
    const text = 'Prénom;Nom;Société;Courriel;Fonction\r\nHélène;Lefèvre;Boulangerie Lefèvre;helene@boulangerie.fr;Gérante\r\nMarc;Aubert;Boulangerie Lefèvre;marc@@boulangerie.fr;Livreur\r\n';
    writeFileSync(file, Buffer.from(text, 'latin1'));

    const dry = runCli(data, ['contacts', 'import', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('CSV, ";" separated, windows-1252, 2 rows');
    expect(dry.stdout).toContain('Row 3: Marc Aubert: "marc@@boulangerie.fr" is not a valid email address');
    expect(dry.stdout).toContain('Would create 2 contacts and 1 company');
    expect(runCliJson<Contact[]>(data, ['contacts', 'list'])).toEqual([]);

    const report = runCliJson<ContactsImportReport & { columns: Array<{ header: string; field: string }> }>(data, ['contacts', 'import', file, '--map', 'fonction=notes']);
    expect(report).toMatchObject({ dryRun: false, created: 2, companiesCreated: 1 });
    expect(report.columns.find((c) => c.header === 'Fonction')!.field).toBe('notes');
    expect(runCliJson<Contact[]>(data, ['contacts', 'list']).map((c) => [c.firstName, c.companyName, c.notes])).toEqual([
      ['Marc', 'Boulangerie Lefèvre', 'Livreur'],
      ['Hélène', 'Boulangerie Lefèvre', 'Gérante'],
    ]);

    const typo = runCli(data, ['contacts', 'import', file, '--map', 'Poste=notes']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('The file has no column "Poste"; its columns are: 1. Prénom, 2. Nom, 3. Société, 4. Courriel, 5. Fonction.');
    const missing = runCli(data, ['contacts', 'import', join(dir, 'absent.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
  });
});
