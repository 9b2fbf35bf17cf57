import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import type { Address } from '../../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../../src-shared/domain/address.js';

/*
 * What people type or paste into To/Cc/Bcc: "ana@exemplu.ro", "Ana Pop <ana@exemplu.ro>", a list separated by
 * commas or semicolons, or a column pasted from a spreadsheet (one per line). nodemailer's addressparser (pure
 * JavaScript, no Node API) reads RFC 5322 lists, quoted names and groups, and keeps "Dupont, Jean <j@x.fr>" whole
 * as Outlook writes it; it does not split on line breaks, so lines are read one by one.
 */

/** Why an address cannot be sent to, most specific first. */
export type AddressProblem = 'missing' | 'spaces' | 'no-at' | 'several-at' | 'no-local' | 'no-domain' | 'domain-dot' | 'malformed';

// The same check the contract uses for every stored address (z.email()), so what passes here passes the engine.
const Email = z.email();

export function addressProblem(address: string): AddressProblem | null {
  const a = address.trim();
  if (a === '') return 'missing';
  if (/\s/.test(a)) return 'spaces';
  const at = a.split('@').length - 1;
  if (at === 0) return 'no-at';
  if (at > 1) return 'several-at';
  const [local, domain] = a.split('@') as [string, string];
  if (local === '') return 'no-local';
  if (domain === '') return 'no-domain';
  if (!domain.includes('.') || domain.endsWith('.') || domain.startsWith('.')) return 'domain-dot';
  return Email.safeParse(a).success ? null : 'malformed';
}

/** Each entry of a typed or pasted list; a piece with no address at all ("Jean Dupont") comes back with address ''. */
export function parseAddressList(text: string): Address[] {
  return text.split(/[\r\n]+/).flatMap(parseLine);
}

function parseLine(line: string): Address[] {
  if (line.includes('\t')) {
    // A spreadsheet row: "Jean Dupont<TAB>j@x.fr" is one person; cells with several addresses are read one by one.
    const cells = line.split('\t').map((c) => c.trim()).filter((c) => c !== '');
    const addresses = cells.filter((c) => c.includes('@'));
    if (addresses.length === 1 && !/[<",;]/.test(addresses[0]!)) return [{ name: cells.filter((c) => !c.includes('@')).join(' '), address: addresses[0]! }];
    return cells.flatMap(parseLine);
  }
  // "a@x.fr b@y.ro" (spaces only): addressparser would read the second as the first's name.
  const words = line.trim().split(/[\s,;]+/).filter((w) => w !== '');
  if (!/[<"(]/.test(line) && words.every((w) => w.includes('@'))) return words.map((address) => ({ name: '', address }));
  return addressparser(line, { flatten: true })
    .map((entry) => ({ name: entry.name.trim(), address: entry.address.trim() }))
    .filter((a) => a.name !== '' || a.address !== '')
    .map((a) => (a.name === a.address ? { name: '', address: a.address } : a));
}

/**
 * Whether typing a separator (',' or ';') after `text` ends an entry: only once the text is a whole address
 * ("ana@x.ro", "Ana <ana@x.ro>"), so the comma of "Dupont, Jean <j@x.fr>" stays in the name being typed.
 */
export function endsEntry(text: string): boolean {
  const t = text.trim();
  if (t === '' || (t.split('"').length - 1) % 2 === 1) return false;
  if (t.endsWith('>')) return true;
  return !t.includes('<') && addressProblem(t) === null;
}

/** The list with `more` added, leaving out addresses already in it (any case) and repeats within `more`. */
export function withAddresses(list: readonly Address[], more: readonly Address[]): Address[] {
  const seen = new Set(list.map((a) => normalizeAddress(a.address)).filter((a) => a !== ''));
  const out = [...list];
  for (const a of more) {
    const key = normalizeAddress(a.address);
    if (key !== '' && seen.has(key)) continue;
    if (key !== '') seen.add(key);
    out.push(a);
  }
  return out;
}
