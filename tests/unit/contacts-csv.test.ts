// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { plan } from '../../src-main/engine/crm/import/candidate.js';
import { readContactsFile } from '../../src-main/engine/crm/import/read-file.js';

/**
 * Given the CSV files offices bring (Outlook in English and French, Gmail, Excel on a Romanian Windows), in the
 * encodings and with the separators those programs write, the import reads each person's name, addresses,
 * phones and company into the right fields, and says what it left out.
 */

const read = (bytes: Uint8Array, mapping: Array<{ column: number; field: 'firstName' | 'lastName' | 'fullName' | 'email' | 'phone' | 'company' | 'notes' | 'ignore' }> = []) =>
  readContactsFile(bytes, { filename: 'contacts.csv', mapping });
const rowsOf = (bytes: Uint8Array) => read(bytes).candidates.map(plan);

/** Windows-1252 bytes for Latin-1 text (what Excel's "CSV" writes on a French Windows). */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { 'œ': 0x9c, 'Œ': 0x8c, '€': 0x80, '’': 0x92 };
  return Uint8Array.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

/** ISO-8859-2 for the Romanian letters it has (ș and ț with a cedilla, as 8-bit Romanian files carry them). */
function iso88592(text: string): Uint8Array {
  const table: Record<string, number> = { 'ă': 0xe3, 'Ă': 0xc3, 'â': 0xe2, 'Â': 0xc2, 'î': 0xee, 'Î': 0xce, 'ş': 0xba, 'Ş': 0xaa, 'ţ': 0xfe, 'Ţ': 0xde };
  return Uint8Array.from([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('CSV contact files', () => {
  it('reads an Outlook export in English: names, both addresses, business and mobile phones, company; describing columns left alone', () => {
    const file = [
      '"Title","First Name","Middle Name","Last Name","Company","Job Title","Business Phone","Business Phone 2","Mobile Phone","E-mail Address","E-mail Type","E-mail Display Name","E-mail 2 Address","Notes"',
      '"","Margaret","","Hale","Hale & Sons Ltd","Director","+44 20 7946 0011","","+44 7700 900123","margaret.hale@halesons.co.uk","SMTP","Margaret Hale (margaret.hale@halesons.co.uk)","m.hale@gmail.com","Met at the Lyon fair"',
      '"Mr.","Tom","","Barker","","","","","","tom.barker@example.org","SMTP","Tom Barker","",""',
      '',
    ].join('\r\n');
    const f = read(utf8(file));
    expect(f.format).toBe('csv');
    expect(f.delimiter).toBe(',');
    expect(Object.fromEntries(f.columns.map((c) => [c.header, c.field]))).toEqual({
      Title: 'ignore', 'First Name': 'firstName', 'Middle Name': 'ignore', 'Last Name': 'lastName', Company: 'company', 'Job Title': 'ignore',
      'Business Phone': 'phone', 'Business Phone 2': 'phone', 'Mobile Phone': 'phone', 'E-mail Address': 'email', 'E-mail Type': 'ignore',
      'E-mail Display Name': 'ignore', 'E-mail 2 Address': 'email', Notes: 'notes',
    });
    const [margaret, tom] = f.candidates.map(plan);
    expect(margaret).toMatchObject({
      row: 2, firstName: 'Margaret', lastName: 'Hale', company: 'Hale & Sons Ltd', emails: ['margaret.hale@halesons.co.uk', 'm.hale@gmail.com'],
      phones: ['+44 20 7946 0011', '+44 7700 900123'], notes: 'Met at the Lyon fair', skip: null,
    });
    expect(tom).toMatchObject({ row: 3, firstName: 'Tom', lastName: 'Barker', emails: ['tom.barker@example.org'], phones: [], company: '' });
  });

  it('reads a French Outlook export: Windows-1252, ";" separated, an address over two lines inside quotes', () => {
    const file = [
      'Prénom;Nom;Société;Rue (bureau);Téléphone (bureau);Tél. mobile;Adresse de messagerie;Nom complet de l\'adresse de messagerie;Notes',
      'Hélène;Lefèvre;Boulangerie Lefèvre & Fils;"12, rue de la Paix',
      'Bât. B";01 42 68 53 00;06 12 34 56 78;helene.lefevre@boulangerie-lefevre.fr;Hélène Lefèvre;"Préfère être appelée le matin; jamais le lundi"',
      'François;Dubœuf;Cœur d’Artichaut;;;;francois@coeur-artichaut.fr;;',
      '',
    ].join('\r\n');
    const f = read(windows1252(file));
    expect(f.encoding).toBe('windows-1252');
    expect(f.delimiter).toBe(';');
    expect(f.columns.filter((c) => c.field !== 'ignore').map((c) => [c.header, c.field])).toEqual([
      ['Prénom', 'firstName'], ['Nom', 'lastName'], ['Société', 'company'], ['Téléphone (bureau)', 'phone'], ['Tél. mobile', 'phone'],
      ['Adresse de messagerie', 'email'], ['Notes', 'notes'],
    ]);
    const [helene, francois] = f.candidates.map(plan);
    // The quoted line break keeps Hélène on one spreadsheet row, so François is row 3.
    expect(helene).toMatchObject({
      row: 2, firstName: 'Hélène', lastName: 'Lefèvre', company: 'Boulangerie Lefèvre & Fils', emails: ['helene.lefevre@boulangerie-lefevre.fr'],
      phones: ['01 42 68 53 00', '06 12 34 56 78'], notes: 'Préfère être appelée le matin; jamais le lundi',
    });
    expect(francois).toMatchObject({ row: 3, firstName: 'François', lastName: 'Dubœuf', company: 'Cœur d’Artichaut' });
  });

  it('reads Excel\'s "CSV UTF-8" (with its byte order mark) from a Romanian Windows: Prenume, Nume, Companie, Telefon', () => {
    const file = '\uFEFFPrenume;Nume;Companie;Telefon;Adresă de e-mail\r\nȘtefan;Țăranu;Fabrica de Pâine Brașov SRL;0721 234 567;stefan.taranu@paine-brasov.ro\r\n';
    const f = read(utf8(file));
    expect(f.encoding).toBe('utf-8');
    expect(f.columns.map((c) => c.field)).toEqual(['firstName', 'lastName', 'company', 'phone', 'email']);
    // No stray BOM glued to the first header, or "Prenume" would not have been recognised above.
    expect(f.columns[0]!.header).toBe('Prenume');
    expect(plan(f.candidates[0]!)).toMatchObject({ firstName: 'Ștefan', lastName: 'Țăranu', company: 'Fabrica de Pâine Brașov SRL', phones: ['0721 234 567'] });
  });

  it('tells an 8-bit Romanian file (ISO-8859-2) from a French one, so ş, ţ and ă come out right', () => {
    const file = 'Prenume;Nume;Companie;E-mail\r\nŞtefan;Ţăranu;Împăraţii Ardealului SRL;stefan@imparatii.ro\r\nIoana;Mărginean;Brutăria Mureş;ioana.marginean@brutaria-mures.ro\r\nAlexandru;Căpăţână;Ţesătoria Vâlcea;alex@tesatoria.ro\r\n';
    const f = read(iso88592(file));
    expect(f.encoding).toMatch(/^(iso-8859-2|windows-1250)$/);
    expect(f.candidates.map(plan).map((r) => `${r.firstName} ${r.lastName} — ${r.company}`)).toEqual([
      'Ştefan Ţăranu — Împăraţii Ardealului SRL',
      'Ioana Mărginean — Brutăria Mureş',
      'Alexandru Căpăţână — Ţesătoria Vâlcea',
    ]);
  });

  it('reads a UTF-16 export (Outlook\'s "Unicode" CSV) with tabs between columns', () => {
    const text = '\uFEFFFirst Name\tLast Name\tE-mail Address\r\nZoë\tŁukasiewicz\tzoe@example.pl\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const f = read(bytes);
    expect(f.encoding).toBe('utf-16le');
    expect(f.delimiter).toBe('\t');
    expect(plan(f.candidates[0]!)).toMatchObject({ firstName: 'Zoë', lastName: 'Łukasiewicz', emails: ['zoe@example.pl'] });
  });

  it('maps a Google Contacts export and splits its " ::: " multi-value cells', () => {
    const file = [
      'Name,Given Name,Additional Name,Family Name,Organization 1 - Name,Organization 1 - Title,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value',
      'Ana Ionescu,Ana,,Ionescu,Vinuri Dealu Mare,Export,* Work,ana@dealumare.ro ::: ana.ionescu@gmail.com,Mobile,+40 744 111 222 ::: +40 21 300 4000',
    ].join('\n');
    const f = read(utf8(file));
    expect(f.columns.filter((c) => c.field !== 'ignore').map((c) => c.header)).toEqual(['Name', 'Given Name', 'Family Name', 'Organization 1 - Name', 'E-mail 1 - Value', 'Phone 1 - Value']);
    expect(plan(f.candidates[0]!)).toMatchObject({
      firstName: 'Ana', lastName: 'Ionescu', company: 'Vinuri Dealu Mare', emails: ['ana@dealumare.ro', 'ana.ionescu@gmail.com'], phones: ['+40 744 111 222', '+40 21 300 4000'],
    });
  });

  it('splits a whole name when there is no first and last name column, and takes the address out of "Name <address>"', () => {
    const file = 'Full name;Email\r\n"Dupont, Jean";"Jean Dupont <JEAN.DUPONT@Example.FR>"\r\nJean de La Fontaine;fables@example.fr\r\n';
    const [jean, fontaine] = rowsOf(utf8(file));
    expect(jean).toMatchObject({ firstName: 'Jean', lastName: 'Dupont', emails: ['jean.dupont@example.fr'] });
    expect(fontaine).toMatchObject({ firstName: 'Jean', lastName: 'de La Fontaine' });
  });

  it('reports invalid addresses, and skips rows with no name, no valid address and no company with the row number', () => {
    const file = [
      'First Name,Last Name,E-mail Address,Company',
      'Paul,Martin,paul.martin@@example.fr,',
      ',,/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=JDOE,',
      ',,,',
      ',,,"Garage Central"',
      ' , ,  ,  ',
      ',,,',
    ].join('\n');
    const rows = rowsOf(utf8(file));
    // Fully blank rows (Excel writes them as ",,,") are not rows to report.
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(rows[0]).toMatchObject({ firstName: 'Paul', emails: [], skip: null, warnings: [{ code: 'invalidAddress', field: 'email', value: 'paul.martin@@example.fr' }] });
    expect(rows[1]).toMatchObject({ skip: { code: 'invalidAddress', value: '/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=JDOE' }, warnings: [] });
    expect(rows[2]).toMatchObject({ company: 'Garage Central', skip: null });
  });

  it('lets the person change the mapping: a column left out, another one used', () => {
    const file = 'Contact;Courriel;Portable;Remarque interne\r\nMarie Curie;marie@radium.fr;06 00 00 00 01;VIP\r\n';
    const auto = read(utf8(file));
    expect(auto.columns.map((c) => c.field)).toEqual(['fullName', 'email', 'phone', 'ignore']);
    const changed = read(utf8(file), [{ column: 2, field: 'ignore' }, { column: 3, field: 'notes' }]);
    expect(changed.columns.map((c) => [c.field, c.mapped])).toEqual([['fullName', 'auto'], ['email', 'auto'], ['ignore', 'manual'], ['notes', 'manual']]);
    expect(plan(changed.candidates[0]!)).toMatchObject({ firstName: 'Marie', lastName: 'Curie', phones: [], notes: 'VIP' });
  });

  it('follows Excel\'s "sep=" line, which names the delimiter and is not a row', () => {
    const f = read(utf8('sep=,\r\nNume;Prenume,E-mail\r\nPop;Ana,ana@exemplu.ro\r\n'));
    expect(f.delimiter).toBe(',');
    expect(f.columns.map((c) => c.header)).toEqual(['Nume;Prenume', 'E-mail']);
    expect(plan(f.candidates[0]!)).toMatchObject({ row: 2, emails: ['ana@exemplu.ro'] });
  });

  it('says when no column holds a name, an address or a company', () => {
    const f = read(utf8('Colonne A;Colonne B\r\nx;y\r\n'));
    expect(f.fileWarnings).toEqual([{ code: 'nothingMapped', value: '' }]);
  });

  it('refuses what is not a contacts file with a reason a person can act on', () => {
    expect(() => read(new Uint8Array())).toThrow(/empty/);
    expect(() => read(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toThrow(/Excel workbook.*CSV UTF-8/);
    expect(() => read(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0]))).toThrow(/not text/);
    expect(() => read(utf8('Name,Email\n"Jean,jean@example.fr\n'))).toThrow(/could not be read/);
  });
});
