import { describe, expect, it } from 'vitest';
import { addressProblem, endsEntry, parseAddressList, withAddresses } from '../../src-renderer/features/compose/fields/address-input.js';

/** What a person types or pastes into To/Cc/Bcc becomes the chips they expect, and a wrong address says why. */
describe('reading typed and pasted recipients', () => {
  it('reads a list separated by commas, semicolons and line breaks, with names', () => {
    expect(parseAddressList('ana@exemplu.ro, Bob Martin <bob@exemple.fr>; "Ștefan Pop" <stefan@exemplu.ro>\nceline@facteur.test')).toEqual([
      { name: '', address: 'ana@exemplu.ro' },
      { name: 'Bob Martin', address: 'bob@exemple.fr' },
      { name: 'Ștefan Pop', address: 'stefan@exemplu.ro' },
      { name: '', address: 'celine@facteur.test' },
    ]);
  });

  it('keeps Outlook’s "Last, First <address>" as one person, quoted or not', () => {
    expect(parseAddressList('Dupont, Jean <j@x.fr>, Martin, Paul <p@x.fr>')).toEqual([
      { name: 'Dupont, Jean', address: 'j@x.fr' },
      { name: 'Martin, Paul', address: 'p@x.fr' },
    ]);
    expect(parseAddressList('"Dupont, Jean" <j@x.fr>')).toEqual([{ name: 'Dupont, Jean', address: 'j@x.fr' }]);
  });

  it('reads addresses separated by spaces only, and a spreadsheet’s name and address cells as one person', () => {
    expect(parseAddressList('a@x.fr b@y.ro')).toEqual([
      { name: '', address: 'a@x.fr' },
      { name: '', address: 'b@y.ro' },
    ]);
    expect(parseAddressList('Jean Dupont\tj@x.fr\r\nAna Pop\tana@exemplu.ro')).toEqual([
      { name: 'Jean Dupont', address: 'j@x.fr' },
      { name: 'Ana Pop', address: 'ana@exemplu.ro' },
    ]);
  });

  it('returns a name without an address as such, to be shown as a problem, and skips empty pieces', () => {
    expect(parseAddressList('Jean Dupont, , ;\n\n')).toEqual([{ name: 'Jean Dupont', address: '' }]);
  });

  it('reads group syntax as its members', () => {
    expect(parseAddressList('Équipe: ana@exemplu.ro, bob@exemple.fr;')).toEqual([
      { name: '', address: 'ana@exemplu.ro' },
      { name: '', address: 'bob@exemple.fr' },
    ]);
  });
});

describe('what is wrong with an address', () => {
  it.each([
    ['', 'missing'],
    ['ana @exemplu.ro', 'spaces'],
    ['ana.exemplu.ro', 'no-at'],
    ['ana@@exemplu.ro', 'several-at'],
    ['@exemplu.ro', 'no-local'],
    ['ana@', 'no-domain'],
    ['ana@exemplu', 'domain-dot'],
    ['ana@exemplu.', 'domain-dot'],
    ['ana(@exemplu.ro', 'malformed'],
  ])('%j: %s', (address, problem) => {
    expect(addressProblem(address)).toBe(problem);
  });

  it('accepts ordinary addresses', () => {
    for (const a of ['ana@exemplu.ro', 'jean.dupont+devis@sub.exemple.fr', 'O.Brien@exemple.co.uk']) expect(addressProblem(a)).toBeNull();
  });
});

describe('when a typed comma ends an entry', () => {
  it('ends a whole address, not the comma inside "Dupont, Jean"', () => {
    expect(endsEntry('ana@exemplu.ro')).toBe(true);
    expect(endsEntry('Ana <ana@exemplu.ro>')).toBe(true);
    expect(endsEntry('Dupont')).toBe(false);
    expect(endsEntry('"Dupont')).toBe(false);
    expect(endsEntry('Ana <ana@exem')).toBe(false);
  });
});

describe('adding recipients', () => {
  it('leaves out addresses already there in any case, and repeats within what is added', () => {
    const list = [{ name: 'Ana', address: 'ana@exemplu.ro' }];
    expect(withAddresses(list, [{ name: '', address: 'ANA@exemplu.ro' }, { name: '', address: 'b@x.fr' }, { name: 'B', address: 'b@x.fr' }])).toEqual([
      { name: 'Ana', address: 'ana@exemplu.ro' },
      { name: '', address: 'b@x.fr' },
    ]);
  });
});
