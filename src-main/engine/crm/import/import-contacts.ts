import type Database from 'better-sqlite3';
import type { ContactsImportReport, ImportedRow, ImportRowNote } from '../../../../src-shared/contract/index.js';
import { linkExisting } from '../links.js';
import { RecordsRepo } from '../records-repo.js';
import { cached } from '../../store/statements.js';
import type { Planned } from './candidate.js';

export interface ImportOptions {
  /** A row whose address is already a contact's: fill that contact's missing fields, or leave it alone. */
  existing: 'merge' | 'skip';
  dryRun: boolean;
}

export type ImportResult = Omit<ContactsImportReport, 'format' | 'encoding' | 'fileWarnings'> & {
  /** Records written, for the change events. */
  contactIds: number[];
  companyIds: number[];
};

type ContactValues = Parameters<RecordsRepo['createContact']>[0];
type Filled = ImportedRow['filled'][number];

const MAX_PHONES = 10;
const digits = (phone: string) => phone.replace(/\D/g, '');
const nameKey = (first: string, last: string) => `${first.toLowerCase()}\u0000${last.toLowerCase()}`;

/** Thrown at the end of a dry run so the transaction rolls back; carries the report out. */
class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/**
 * Writes the checked rows in one transaction: every row or, if anything fails, none. A row whose address is a
 * live contact's merges into it (only empty fields are filled, phones added) or is skipped; a row without an
 * address merges into the one contact with its exact name, if there is exactly one. A company is found by name
 * (case-insensitive) or created. The mail already stored for each new address is filed under its contact.
 */
export function importContacts(sqlite: Database.Database, rows: Planned[], options: ImportOptions): ImportResult {
  const records = new RecordsRepo(sqlite);
  const ownerOf = (address: string) =>
    (cached(sqlite, 'SELECT id FROM contacts WHERE email = @a AND deleted_at IS NULL UNION SELECT id FROM contacts WHERE email2 = @a AND deleted_at IS NULL ORDER BY id LIMIT 1').get({ a: address }) as
      | { id: number }
      | undefined)?.id ?? null;

  const work = (): ImportResult => {
    const result: ImportResult = { dryRun: options.dryRun, total: rows.length, created: 0, merged: 0, unchanged: 0, skipped: 0, companiesCreated: 0, messagesLinked: 0, rows: [], contactIds: [], companyIds: [] };
    const lastCompanyBefore = (sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM companies').get() as { id: number }).id;
    const companies = new Set<number>();
    const companyFor = (name: string) => {
      const id = records.companyNamed(name);
      companies.add(id);
      return id;
    };
    // Rows without an address are matched by name; one pass over the names beats a scan per row.
    const byName = new Map<string, number[]>();
    for (const c of sqlite.prepare('SELECT id, first_name, last_name FROM contacts WHERE deleted_at IS NULL').iterate() as Iterable<{ id: number; first_name: string; last_name: string }>) {
      const key = nameKey(c.first_name, c.last_name);
      byName.set(key, [...(byName.get(key) ?? []), c.id]);
    }

    for (const p of rows) {
      const out: ImportedRow = {
        row: p.row, outcome: 'skipped', firstName: p.firstName, lastName: p.lastName, emails: p.emails, phones: p.phones, company: p.company, notes: p.notes,
        contactId: null, companyId: null, reason: p.skip, filled: [], warnings: [...p.warnings],
      };
      result.rows.push(out);
      if (p.skip) continue;

      if (!p.firstName && !p.lastName && p.emails.length === 0) {
        out.outcome = 'company';
        out.companyId = companyFor(p.company);
        // A company the file creates gets its notes; an existing one is not touched.
        if (out.companyId > lastCompanyBefore && p.notes && !records.company(out.companyId).notes) records.updateCompany(out.companyId, { notes: p.notes });
        for (const phone of p.phones) out.warnings.push({ code: 'phoneDropped', field: 'phone', value: phone });
        continue;
      }

      let existingId = p.emails.map(ownerOf).find((id) => id !== null) ?? null;
      if (existingId === null && p.emails.length === 0) {
        const namesakes = byName.get(nameKey(p.firstName, p.lastName)) ?? [];
        if (namesakes.length > 1) {
          out.reason = { code: 'sameName', field: null, value: `${p.firstName} ${p.lastName}`.trim() };
          continue;
        }
        existingId = namesakes[0] ?? null;
      }

      if (existingId !== null) {
        out.contactId = existingId;
        const before = records.contact(existingId);
        if (options.existing === 'skip') {
          out.reason = { code: 'existing', field: null, value: `${before.firstName} ${before.lastName}`.trim() || before.email || '' };
          continue;
        }
        const { values, filled, added } = merge(before, p, ownerOf, companyFor, out.warnings);
        out.filled = filled;
        out.companyId = values.companyId;
        if (filled.length === 0) {
          out.outcome = 'unchanged';
          continue;
        }
        records.updateContact(existingId, values);
        result.messagesLinked += linkExisting(sqlite, existingId, added);
        out.outcome = 'merged';
        result.contactIds.push(existingId);
        continue;
      }

      const [email = null, email2 = null, ...extra] = p.emails;
      for (const address of extra) out.warnings.push({ code: 'extraAddress', field: 'email', value: address });
      const companyId = p.company ? companyFor(p.company) : null;
      const id = records.createContact({ firstName: p.firstName, lastName: p.lastName, email, email2, phones: p.phones, companyId, notes: p.notes });
      result.messagesLinked += linkExisting(sqlite, id, [email, email2].filter((a): a is string => a !== null));
      const key = nameKey(p.firstName, p.lastName);
      byName.set(key, [...(byName.get(key) ?? []), id]);
      Object.assign(out, { outcome: 'created', contactId: id, companyId });
      result.contactIds.push(id);
    }

    for (const r of result.rows) {
      if (r.outcome === 'created') result.created++;
      else if (r.outcome === 'merged') result.merged++;
      else if (r.outcome === 'unchanged') result.unchanged++;
      else if (r.outcome === 'skipped') result.skipped++;
    }
    result.companyIds = [...companies];
    result.companiesCreated = result.companyIds.filter((id) => id > lastCompanyBefore).length;
    return result;
  };

  try {
    return sqlite.transaction(() => {
      const result = work();
      if (options.dryRun) throw new DryRun(result);
      return result;
    })();
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

/** Fills what the contact lacks from the row; never replaces a value it has. */
function merge(
  before: ReturnType<RecordsRepo['contact']>,
  p: Planned,
  ownerOf: (address: string) => number | null,
  companyFor: (name: string) => number,
  warnings: ImportRowNote[],
): { values: ContactValues; filled: Filled[]; added: string[] } {
  const values: ContactValues = {
    firstName: before.firstName, lastName: before.lastName, email: before.email, email2: before.email2, phones: [...before.phones], companyId: before.companyId, notes: before.notes,
  };
  const filled = new Set<Filled>();
  const added: string[] = [];
  const fill = <K extends keyof ContactValues>(key: K, field: Filled, value: ContactValues[K]) => {
    values[key] = value;
    filled.add(field);
  };
  if (!values.firstName && p.firstName) fill('firstName', 'firstName', p.firstName);
  if (!values.lastName && p.lastName) fill('lastName', 'lastName', p.lastName);
  for (const address of p.emails) {
    if (address === values.email || address === values.email2) continue;
    const slot = !values.email ? 'email' : !values.email2 ? 'email2' : null;
    if (ownerOf(address) !== null) warnings.push({ code: 'addressTaken', field: 'email', value: address });
    else if (slot === null) warnings.push({ code: 'extraAddress', field: 'email', value: address });
    else {
      fill(slot, slot, address);
      added.push(address);
    }
  }
  for (const phone of p.phones) {
    if (values.phones.some((x) => digits(x) === digits(phone))) continue;
    if (values.phones.length >= MAX_PHONES) warnings.push({ code: 'phoneDropped', field: 'phone', value: phone });
    else fill('phones', 'phones', [...values.phones, phone]);
  }
  if (values.companyId === null && p.company) fill('companyId', 'company', companyFor(p.company));
  if (!values.notes && p.notes) fill('notes', 'notes', p.notes);
  return { values, filled: [...filled], added };
}
