import { describe, expect, it } from 'vitest';
import { suggestContact } from '../../src-main/engine/crm/signature.js';

/**
 * Quick-create from an email: what the form shows before the person corrects it. Each case is a sender and a body as
 * they arrive in a French or Romanian office's inbox.
 */

const body = (...lines: string[]) => lines.join('\r\n');
const nameOf = (fromName: string, fromAddress = 'someone@acme.example') => {
  const s = suggestContact({ fromName, fromAddress, text: '' });
  return [s.firstName, s.lastName];
};

describe('the sender display name', () => {
  it('splits given and family names in the usual order, keeping compound given names whole', () => {
    expect(nameOf('Ana-Maria Popescu')).toEqual(['Ana-Maria', 'Popescu']);
    expect(nameOf('Jean de La Fontaine')).toEqual(['Jean', 'de La Fontaine']);
    expect(nameOf('Ana Maria Popescu')).toEqual(['Ana Maria', 'Popescu']);
    expect(nameOf('John Smith')).toEqual(['John', 'Smith']);
  });

  it('takes a family name written in capitals as the family name, first or last, and writes it normally', () => {
    expect(nameOf('POPESCU Ana')).toEqual(['Ana', 'Popescu']);
    expect(nameOf('Jean-Luc DUPONT')).toEqual(['Jean-Luc', 'Dupont']);
    expect(nameOf('ŞTEFĂNESCU Ioana-Cristina')).toEqual(['Ioana-Cristina', 'Ştefănescu']);
    expect(nameOf("O'NEILL Mary")).toEqual(['Mary', "O'Neill"]);
  });

  it('reads "Family, Given" and a family name first when the given names trail', () => {
    expect(nameOf('Popescu, Ana')).toEqual(['Ana', 'Popescu']);
    expect(nameOf('Dupont Jean-Luc')).toEqual(['Jean-Luc', 'Dupont']);
    expect(nameOf('Ionescu Andrei Mihai')).toEqual(['Andrei Mihai', 'Ionescu']);
  });

  it('drops quotes, "via" suffixes and what trails a separator', () => {
    expect(nameOf('"Ana Pop"')).toEqual(['Ana', 'Pop']);
    expect(nameOf("'Marie Durand'")).toEqual(['Marie', 'Durand']);
    expect(nameOf('Ana Pop via Support')).toEqual(['Ana', 'Pop']);
    expect(nameOf('Claire Martin (via Google Docs)')).toEqual(['Claire', 'Martin']);
    expect(nameOf('Julien Bernard | Transports Bernard')).toEqual(['Julien', 'Bernard']);
  });

  it('names the person from the address when the display name is the address itself or missing', () => {
    const s = suggestContact({ fromName: 'jean.dupont@acme-industrie.fr', fromAddress: 'Jean.Dupont@acme-industrie.fr', text: '' });
    expect([s.firstName, s.lastName, s.email]).toEqual(['Jean', 'Dupont', 'jean.dupont@acme-industrie.fr']);
    expect(nameOf('', 'popescu_ana@firma.ro')).toEqual(['Ana', 'Popescu']);
    expect(nameOf('', 'ana-maria.ionescu82@gmail.com')).toEqual(['Ana-Maria', 'Ionescu']);
    expect(nameOf('', 'contact@boulangerie.fr')).toEqual(['', '']);
    expect(nameOf('Service client', 'service@boulangerie.fr')).toEqual(['', '']);
  });
});

describe('the signature block', () => {
  it('reads a French signature after "Cordialement": name, title, company, phones, without the fax', () => {
    const s = suggestContact({
      fromName: 'Jean-Luc Moreau',
      fromAddress: 'jl.moreau@moreau-logistique.fr',
      text: body(
        'Bonjour Madame,',
        '',
        'Merci pour votre retour rapide. Je vous confirme la livraison pour le 12/03/2026.',
        '',
        'Cordialement,',
        '',
        'Jean-Luc Moreau',
        'Directeur commercial',
        'Moreau Logistique SAS',
        '12 rue des Entrepôts, 69007 Lyon',
        'Tél. : 04 72 11 22 33 – Fax : 04 72 11 22 34',
        'Portable : 06 12 34 56 78',
      ),
    });
    expect(s).toEqual({
      firstName: 'Jean-Luc',
      lastName: 'Moreau',
      email: 'jl.moreau@moreau-logistique.fr',
      phones: ['04 72 11 22 33', '06 12 34 56 78'],
      companyName: 'Moreau Logistique SAS',
      jobTitle: 'Directeur commercial',
    });
  });

  it('reads a Romanian signature after "Cu stimă", with a +40 mobile and a dotted landline', () => {
    const s = suggestContact({
      fromName: 'Popescu Ana-Maria',
      fromAddress: 'ana.popescu@construct-vest.ro',
      text: body(
        'Bună ziua,',
        '',
        'Vă trimit oferta actualizată în atașament.',
        '',
        'Cu stimă,',
        'Ana-Maria Popescu',
        'Manager achiziții',
        'S.C. Construct Vest S.R.L.',
        'Mobil: +40 721 234 567',
        'Tel: 0256.123.456',
        'CUI: RO12345678, Nr. Reg. Com.: J35/1234/2010',
      ),
    });
    expect([s.firstName, s.lastName]).toEqual(['Ana-Maria', 'Popescu']);
    expect(s.phones).toEqual(['+40 721 234 567', '0256.123.456']);
    expect(s.companyName).toBe('S.C. Construct Vest S.R.L.');
    expect(s.jobTitle).toBe('Manager achiziții');
  });

  it('takes the block after "-- " and a +33 (0) number, once even when written twice', () => {
    const s = suggestContact({
      fromName: 'Sophie Lambert',
      fromAddress: 'sophie@lambert-conseil.fr',
      text: body(
        'Voici le compte rendu de la réunion.',
        '',
        '-- ',
        'Sophie Lambert | Consultante senior',
        'Lambert Conseil SARL',
        'T. +33 (0)1 23 45 67 89',
        'Standard : 01 23 45 67 89',
      ),
    });
    expect(s.phones).toEqual(['+33 (0)1 23 45 67 89']);
    expect(s.companyName).toBe('Lambert Conseil SARL');
    expect(s.jobTitle).toBe('Consultante senior');
  });

  it('reads an English signature with a Ltd company and a title on the name line', () => {
    const s = suggestContact({
      fromName: 'Smith, Oliver',
      fromAddress: 'oliver.smith@northwind.co.uk',
      text: body(
        'Hi,',
        '',
        'Please find the signed contract attached.',
        '',
        'Best regards,',
        'Oliver Smith, Head of Procurement',
        'Northwind Traders Ltd',
        'Mobile: +44 7700 900123',
      ),
    });
    expect([s.firstName, s.lastName]).toEqual(['Oliver', 'Smith']);
    expect(s.jobTitle).toBe('Head of Procurement');
    expect(s.companyName).toBe('Northwind Traders Ltd');
    expect(s.phones).toEqual(['+44 7700 900123']);
  });

  it('ignores the quoted reply: a phone and company in the message answered are not the sender\'s', () => {
    const s = suggestContact({
      fromName: 'Marc Girard',
      fromAddress: 'marc.girard@girard-bois.fr',
      text: body(
        "D'accord pour jeudi.",
        '',
        'Bien à vous,',
        'Marc Girard',
        'Gérant',
        'Tél : 05 56 00 11 22',
        '',
        'Le mar. 10 nov. 2026 à 10:00, Ana Pop <ana@firma.ro> a écrit :',
        '> Bonjour,',
        '> Pouvez-vous me rappeler ?',
        '> Cu stimă,',
        '> Ana Pop',
        '> Firma Exemplu SRL',
        '> +40 744 000 111',
      ),
    });
    expect(s.phones).toEqual(['05 56 00 11 22']);
    expect(s.companyName).toBe('Girard Bois');
    expect(s.jobTitle).toBe('Gérant');
  });

  it('stops at an English "wrote:" line even when it wraps, and at a Romanian "a scris:"', () => {
    const english = suggestContact({
      fromName: 'Paul Durand',
      fromAddress: 'paul@gmail.com',
      text: body('Thanks, see you then.', '', 'On Tue, 10 Nov 2026 at 10:00, Ana Pop', '<ana@firma.ro> wrote:', 'Call me on 0721 234 567', 'Firma SRL'),
    });
    expect(english.phones).toEqual([]);
    expect(english.companyName).toBe('');
    const romanian = suggestContact({
      fromName: 'Radu Ionescu',
      fromAddress: 'radu@yahoo.ro',
      text: body('Mulțumesc,', 'Radu', '', 'În mar., 10 nov. 2026 la 10:00, Ion Pop <ion@alfa.ro> a scris:', 'Alfa Distribuție SRL', '0722 111 222'),
    });
    expect(romanian.phones).toEqual([]);
    expect(romanian.companyName).toBe('');
  });

  it('finds the company in a legal line and not in a Romanian sentence with "sa"', () => {
    const s = suggestContact({
      fromName: 'Ioana Dumitru',
      fromAddress: 'ioana@dumitru.ro',
      text: body(
        'Te rog sa confirmi primirea.',
        '',
        'Toate cele bune,',
        'Ioana Dumitru',
        'Contabil șef',
        'Dumitru & Asociații SRL – Str. Lalelelor 4, Cluj-Napoca',
      ),
    });
    expect(s.companyName).toBe('Dumitru & Asociații SRL');
    expect(s.jobTitle).toBe('Contabil șef');
  });

  it('cuts a legal mention down to the company name', () => {
    const s = suggestContact({
      fromName: 'Claire Petit',
      fromAddress: 'claire.petit@orange.fr',
      text: body('Merci,', 'Claire Petit', 'Atelier Petit SAS au capital de 10 000 € – RCS Nantes 123 456 789'),
    });
    expect(s.companyName).toBe('Atelier Petit SAS');
    expect(s.phones).toEqual([]);
  });

  it('never takes a webmail provider for the company', () => {
    for (const address of ['ana@gmail.com', 'jean@yahoo.fr', 'ion@yahoo.ro', 'marie@wanadoo.fr', 'luc@free.fr', 'eve@laposte.net', 'tom@hotmail.co.uk', 'ana@outlook.com', 'rob@orange.fr']) {
      expect(suggestContact({ fromName: 'Some One', fromAddress: address, text: 'Bonjour' }).companyName).toBe('');
    }
    expect(suggestContact({ fromName: 'Some One', fromAddress: 'someone@mail.acme-industrie.fr', text: '' }).companyName).toBe('Acme Industrie');
  });

  it('takes the name from the signature, with its accents, when the address is a shared mailbox', () => {
    const s = suggestContact({
      fromName: '',
      fromAddress: 'contact@chateau-lestage.fr',
      text: body('Bonjour,', '', 'Nous avons bien reçu votre commande.', '', 'Bien cordialement,', 'Hélène Fabre', 'Responsable des ventes', 'Tél. 05 57 00 00 00'),
    });
    expect([s.firstName, s.lastName]).toEqual(['Hélène', 'Fabre']);
    expect(s.jobTitle).toBe('Responsable des ventes');
    expect(s.phones).toEqual(['05 57 00 00 00']);
    expect(s.companyName).toBe('Chateau Lestage');
  });

  it('takes a name on the closing line itself', () => {
    const s = suggestContact({ fromName: '', fromAddress: 'info@boulangerie-martin.fr', text: body('À demain.', '', 'Cordialement, Pierre Martin', 'Mob. 06 98 76 54 32') });
    expect([s.firstName, s.lastName]).toEqual(['Pierre', 'Martin']);
    expect(s.phones).toEqual(['06 98 76 54 32']);
  });

  it('does not take a sentence that starts with "Merci" for the closing, nor dates and ids for phones', () => {
    const s = suggestContact({
      fromName: 'Luc Bernard',
      fromAddress: 'luc@bernard-btp.fr',
      text: body(
        'Merci pour votre devis du 01.02.2026.',
        'Notre SIRET : 123 456 789 00012.',
        '',
        'Merci',
        'Luc Bernard',
        'Conducteur de travaux',
        'Bernard BTP SARL',
      ),
    });
    expect(s.jobTitle).toBe('Conducteur de travaux');
    expect(s.phones).toEqual([]);
    expect(s.companyName).toBe('Bernard BTP SARL');
  });

  it('finds two numbers on one line, and numbers written with "00" and non-breaking spaces', () => {
    const s = suggestContact({
      fromName: 'Mihai Georgescu',
      fromAddress: 'mihai@georgescu.ro',
      text: body('Cu respect,', 'Mihai Georgescu', 'Tel: 021\u00a0310\u00a020\u00a030 - 0744 555 666', 'Tel. internațional: 0040 21 310 20 31'),
    });
    expect(s.phones).toEqual(['021 310 20 30', '0744 555 666', '0040 21 310 20 31']);
  });

  it('skips an Outlook forward header and its quoted sender', () => {
    const s = suggestContact({
      fromName: 'Anne Leroy',
      fromAddress: 'anne.leroy@leroy-immobilier.fr',
      text: body(
        'Pour info.',
        '',
        'Anne',
        '',
        '________________________________',
        'De : Paul Roux <paul@roux.fr>',
        'Envoyé : lundi 9 novembre 2026 09:12',
        'À : Anne Leroy',
        'Cordialement,',
        'Paul Roux',
        'Roux Transports SAS',
        '01 44 55 66 77',
      ),
    });
    expect(s.phones).toEqual([]);
    expect(s.companyName).toBe('Leroy Immobilier');
  });

  it('ignores "Sent from my iPhone" and gives empty fields for a body with no signature', () => {
    const s = suggestContact({ fromName: 'Ana Pop', fromAddress: 'ana.pop@gmail.com', text: body('Ok, mulțumesc!', '', 'Trimis de pe iPhone-ul meu') });
    expect(s).toEqual({ firstName: 'Ana', lastName: 'Pop', email: 'ana.pop@gmail.com', phones: [], companyName: '', jobTitle: '' });
    expect(suggestContact({ fromName: null, fromAddress: null, text: null })).toEqual({ firstName: '', lastName: '', email: null, phones: [], companyName: '', jobTitle: '' });
  });

  it('uses the company in the display name when the signature has none', () => {
    const s = suggestContact({ fromName: 'Ana Pop (Alfa Trading SRL)', fromAddress: 'ana.pop@gmail.com', text: body('Mulțumesc,', 'Ana') });
    expect([s.firstName, s.lastName, s.companyName]).toEqual(['Ana', 'Pop', 'Alfa Trading SRL']);
  });
});
