import { z } from 'zod';
import type { ImportRowNote } from '../../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../../src-shared/domain/address.js';

/** One row or card as read from the file, before any check. */
export interface Candidate {
  row: number;
  firstName: string;
  lastName: string;
  /** A whole name, split when the file gives no first and last name. */
  fullName: string;
  /** Everything the file put in address fields, in its order (the preferred one first). */
  emails: string[];
  phones: string[];
  company: string;
  notes: string;
  /** The file says this is an organisation, not a person (vCard KIND:org, Apple's "show as company"). */
  isCompany: boolean;
}

/** A row checked and cleaned: what the import will write, or why it will not. */
export interface Planned {
  row: number;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  company: string;
  notes: string;
  warnings: ImportRowNote[];
  skip: ImportRowNote | null;
}

// The limits contacts.create puts on what a person types, so an imported contact can be edited without a refusal.
const MAX_NAME = 200;
const MAX_PHONE = 50;
const MAX_PHONES = 10;
const MAX_NOTES = 20_000;
const Email = z.email().max(320);

/** "Dupont, Jean" → Jean / Dupont; "Jean de La Fontaine" → Jean / "de La Fontaine" (particles go with the last name). */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const name = full.replace(/\s+/g, ' ').trim();
  const comma = name.indexOf(',');
  if (comma > 0) return { firstName: name.slice(comma + 1).trim(), lastName: name.slice(0, comma).trim() };
  const words = name.split(' ');
  if (words.length < 2) return { firstName: name, lastName: '' };
  let cut = words.length - 1;
  while (cut > 1 && /^(de|du|des|la|le|van|von|der|da|di|del|della|dos|y)$/i.test(words[cut - 1]!)) cut--;
  return { firstName: words.slice(0, cut).join(' '), lastName: words.slice(cut).join(' ') };
}

/** The address in "Jean Dupont <jean@x.fr>", or each of "a@x.fr; b@y.fr" (Gmail joins several with " ::: "). */
export function addressesIn(cell: string): string[] {
  const bracketed = [...cell.matchAll(/<([^>]*)>/g)].map((m) => m[1]!.trim());
  if (bracketed.length > 0) return bracketed.filter(Boolean);
  return cell
    .split(/\s*(?::::|;|,)\s*/)
    .map((token) => {
      // "jean@x.fr (bureau)": the one word with an @; an Exchange path ("/O=… /CN=…") stays whole, to be reported.
      const words = token.split(/\s+/).filter((w) => w.includes('@'));
      return (words.length === 1 ? words[0]! : token).replace(/^mailto:/i, '').trim();
    })
    .filter(Boolean);
}

const digits = (phone: string) => phone.replace(/\D/g, '');

function clip(value: string, max: number, field: ImportRowNote['field'], warnings: ImportRowNote[]): string {
  if (value.length <= max) return value;
  warnings.push({ code: 'truncated', field, value: '' });
  return value.slice(0, max);
}

function normalizeText(c: Candidate): Candidate {
  const nfc = (s: string) => s.normalize('NFC');
  return { ...c, firstName: nfc(c.firstName), lastName: nfc(c.lastName), fullName: nfc(c.fullName), company: nfc(c.company), notes: nfc(c.notes), emails: c.emails.map(nfc), phones: c.phones.map(nfc) };
}

/**
 * Checks a candidate: valid addresses kept (lower-cased, each once), invalid ones reported, a name taken from the
 * whole name when first and last are missing, phones each once. A row with neither a name nor a valid address
 * nor a company is skipped with the reason.
 */
export function plan(candidate: Candidate): Planned {
  // Apple's and some web exports write "é" as e + accent: stored composed, it matches what people type.
  const c = normalizeText(candidate);
  const warnings: ImportRowNote[] = [];
  let { firstName, lastName } = c;
  if (!firstName && !lastName && c.fullName && !c.isCompany) ({ firstName, lastName } = splitFullName(c.fullName));
  firstName = clip(firstName.trim(), MAX_NAME, 'firstName', warnings);
  lastName = clip(lastName.trim(), MAX_NAME, 'lastName', warnings);
  const company = clip((c.company || (c.isCompany ? c.fullName : '')).trim(), MAX_NAME, 'company', warnings);

  const emails: string[] = [];
  const invalid: string[] = [];
  for (const raw of c.emails.flatMap(addressesIn)) {
    const address = normalizeAddress(raw);
    if (!Email.safeParse(address).success) invalid.push(raw);
    else if (!emails.includes(address)) emails.push(address);
  }
  for (const value of invalid) warnings.push({ code: 'invalidAddress', field: 'email', value });

  const phones: string[] = [];
  for (const raw of c.phones.flatMap((p) => p.split(/\s*(?::::|\n)\s*/))) {
    const phone = raw.replace(/^tel:/i, '').trim();
    if (!phone || !digits(phone)) continue;
    if (phone.length > MAX_PHONE) warnings.push({ code: 'phoneDropped', field: 'phone', value: phone.slice(0, MAX_PHONE) });
    else if (!phones.some((p) => digits(p) === digits(phone))) phones.push(phone);
  }
  if (phones.length > MAX_PHONES) {
    for (const p of phones.splice(MAX_PHONES)) warnings.push({ code: 'phoneDropped', field: 'phone', value: p });
  }

  const text = clip(c.notes.trim(), MAX_NOTES, 'notes', warnings);
  const planned: Planned = { row: c.row, firstName, lastName, emails, phones, company, notes: text, warnings, skip: null };
  if (!firstName && !lastName && emails.length === 0 && !company) {
    planned.skip = invalid.length > 0 ? { code: 'invalidAddress', field: 'email', value: invalid[0]! } : { code: 'empty', field: null, value: '' };
    // The reason already names the first invalid address.
    planned.warnings = warnings.filter((w) => w.code !== 'invalidAddress' || w.value !== invalid[0]);
  }
  return planned;
}
