// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { plan } from '../../src-main/engine/crm/import/candidate.js';
import { readContactsFile } from '../../src-main/engine/crm/import/read-file.js';

/**
 * Given .vcf files as phones, Outlook, Gmail and Apple write them (vCard 2.1, 3.0 and 4.0), the import reads each
 * card's name, addresses, phones and company, whatever the version's way of writing them, and ignores photos.
 */

const crlf = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');
const cards = (bytes: Uint8Array) => {
  const file = readContactsFile(bytes, { filename: 'contacts.vcf', mapping: [] });
  expect(file.format).toBe('vcard');
  return file.candidates.map(plan);
};

describe('vCard files', () => {
  it('reads a 2.1 card from a phone: quoted-printable accents, soft line breaks, bare TEL types, a base64 photo', () => {
    const [card] = cards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lef=C3=A8vre;H=C3=A9l=C3=A8ne;;;',
        'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:H=C3=A9l=C3=A8ne Lef=C3=A8vre',
        'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Boulangerie Lef=C3=A8vre & Fils;Ventes',
        'TEL;CELL;PREF:+33 6 12 34 56 78',
        'TEL;WORK;VOICE:+33 1 42 68 53 00',
        'TEL;WORK;FAX:+33 1 42 68 53 01',
        'EMAIL;INTERNET:helene@boulangerie-lefevre.fr',
        'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Pr=C3=A9f=C3=A8re =C3=AAtre appel=C3=A9e le matin, pas avant =',
        '9 h.=0D=0AClient depuis 2019.',
        'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRof',
        ' Hh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwh',
        'MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAB',
        '',
        'END:VCARD',
      ]),
    );
    expect(card).toMatchObject({
      row: 1, firstName: 'Hélène', lastName: 'Lefèvre', company: 'Boulangerie Lefèvre & Fils', emails: ['helene@boulangerie-lefevre.fr'],
      phones: ['+33 6 12 34 56 78', '+33 1 42 68 53 00'], notes: 'Préfère être appelée le matin, pas avant 9 h.\r\nClient depuis 2019.', warnings: [], skip: null,
    });
  });

  it('reads a 2.1 card in ISO-8859-1 quoted-printable, as older Outlook writes it', () => {
    const [card] = cards(crlf(['BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Du=E9;Fran=E7oise', 'EMAIL;PREF;INTERNET:francoise.due@example.fr', 'END:VCARD']));
    expect(card).toMatchObject({ firstName: 'Françoise', lastName: 'Dué' });
  });

  it('reads a 3.0 card with folded lines, escaped commas and an Apple group prefix, preferred address first', () => {
    const [card] = cards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:3.0',
        'PRODID:-//Apple Inc.//iPhone OS 17.1//EN',
        'N:Popescu;Ștefan;Andrei;;',
        'FN:Ștefan Andrei Popescu',
        'ORG:Exemplu Distribuție S.R.L.;Vânzări',
        'item1.EMAIL;type=INTERNET:stefan.popescu@gmail.com',
        'item2.EMAIL;type=INTERNET;type=WORK;type=pref:stefan.popescu@exemplu-distributie.',
        ' ro',
        'TEL;type=CELL;type=VOICE;type=pref:+40 721 000 111',
        'TEL;TYPE=WORK,VOICE:+40 21 300 40 00',
        'NOTE:Întâlnit la târg\\, la Cluj.\\nSună după ora 10.',
        'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRof',
        ' Hh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwh',
        'END:VCARD',
      ]),
    );
    expect(card).toMatchObject({
      firstName: 'Ștefan', lastName: 'Popescu', company: 'Exemplu Distribuție S.R.L.',
      emails: ['stefan.popescu@exemplu-distributie.ro', 'stefan.popescu@gmail.com'],
      phones: ['+40 721 000 111', '+40 21 300 40 00'], notes: 'Întâlnit la târg, la Cluj.\nSună după ora 10.',
    });
  });

  it('reads several 4.0 cards: PREF numbers, tel: URIs with quoted types, an organisation card, a card without END', () => {
    const file = readContactsFile(
      crlf([
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Dr. Ioana Mărginean',
        'N:Mărginean;Ioana;;Dr.;',
        'EMAIL;TYPE=home;PREF=2:ioana.marginean@yahoo.com',
        'EMAIL;TYPE=work;PREF=1:ioana@clinica-mures.ro',
        'TEL;VALUE=uri;TYPE="voice,cell":tel:+40-744-555-666',
        'TEL;VALUE=uri;TYPE=fax:tel:+40-265-111-222',
        'ORG:Clinica Mureș',
        'PHOTO:data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:4.0',
        'KIND:org',
        'FN:Clinica Mureș',
        'ORG:Clinica Mureș',
        'NOTE:Parteneri din 2021',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Radu Vlad',
        'EMAIL:radu.vlad@example.ro',
      ]),
      { filename: 'export.vcf', mapping: [] },
    );
    expect(file.fileWarnings).toEqual([{ code: 'unterminatedCard', value: '3' }]);
    const [ioana, clinic, radu] = file.candidates.map(plan);
    expect(ioana).toMatchObject({ row: 1, firstName: 'Ioana', lastName: 'Mărginean', emails: ['ioana@clinica-mures.ro', 'ioana.marginean@yahoo.com'], phones: ['+40-744-555-666'], company: 'Clinica Mureș' });
    expect(clinic).toMatchObject({ row: 2, firstName: '', lastName: '', emails: [], company: 'Clinica Mureș', notes: 'Parteneri din 2021', skip: null });
    expect(radu).toMatchObject({ row: 3, firstName: 'Radu', lastName: 'Vlad', emails: ['radu.vlad@example.ro'] });
  });

  it('takes an Outlook company entry (full name = organisation, no person) as a company, and skips an empty card', () => {
    const rows = cards(
      crlf([
        'BEGIN:VCARD', 'VERSION:3.0', 'N:;;;;', 'FN:Garage Central', 'ORG:Garage Central', 'TEL;TYPE=WORK:04 78 00 00 00', 'END:VCARD',
        'BEGIN:VCARD', 'VERSION:3.0', 'N:;;;;', 'FN:', 'END:VCARD',
      ]),
    );
    expect(rows[0]).toMatchObject({ firstName: '', lastName: '', company: 'Garage Central', skip: null });
    expect(rows[1]).toMatchObject({ row: 2, skip: { code: 'empty' } });
  });

  it('leaves the card an AGENT embeds (2.1) out, without ending its holder early', () => {
    const rows = cards(
      crlf([
        'BEGIN:VCARD', 'VERSION:2.1', 'N:Martin;Paul', 'AGENT:', 'BEGIN:VCARD', 'VERSION:2.1', 'N:Assistant;Anne', 'EMAIL:anne@example.fr', 'END:VCARD',
        'EMAIL;INTERNET:paul.martin@example.fr', 'END:VCARD',
      ]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firstName: 'Paul', lastName: 'Martin', emails: ['paul.martin@example.fr'] });
  });

  it('reads a Windows-1252 vCard file without a CHARSET, as Outlook saves a single contact', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Cœur;Noël\r\nFN:Noël Cœur\r\nEMAIL;PREF;INTERNET:noel@example.fr\r\nEND:VCARD\r\n';
    const bytes = Uint8Array.from([...text].map((ch) => (ch === 'œ' ? 0x9c : ch.charCodeAt(0))));
    expect(cards(bytes)[0]).toMatchObject({ firstName: 'Noël', lastName: 'Cœur' });
  });
});
