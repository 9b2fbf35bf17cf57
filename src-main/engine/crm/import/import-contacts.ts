import type Database from 'better-sqlite3';
import type { ContactsImportReport, ImportedRow, ImportRowNote } from '../../../../src-shared/contract/index.js';
import { linkExisting } from '../links.js';
import { RecordsRepo } from '../records-repo.js';
import { EngineError } from '../../errors.js';
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
const nameKey = (first: string, last: string) => `${first.normalize('NFC').toLowerCase()}\u0000${last.normalize('NFC').toLowerCase()}`;
const companyKey = (name: string) => name.normalize('NFC').toLowerCase();

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
  try {
    return sqlite.transaction(() => {
      const run = new ImportRun(sqlite, options);
      for (const p of rows) {
        try {
          run.add(p);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new EngineError('STORE_ERROR', `Row ${p.row} could not be saved (${message}), so nothing was imported; the rows before it were taken back too.`);
        }
      }
      const result = run.finish();
      if (options.dryRun) throw new DryRun(result);
      return result;
    })();
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

/** One import inside its transaction: what the store held when it began, and what each row did. */
class ImportRun {
  private readonly records: RecordsRepo;
  private readonly result: ImportResult;
  private readonly lastCompanyBefore: number;
  private readonly companies = new Set<number>();
  private readonly companyByName = new Map<string, number>();
  /** Rows without an address are matched by name; one pass over the names beats a scan per row. */
  private readonly byName = new Map<string, number[]>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly options: ImportOptions,
  ) {
    this.records = new RecordsRepo(sqlite);
    this.result = { dryRun: options.dryRun, total: 0, created: 0, merged: 0, unchanged: 0, skipped: 0, companiesCreated: 0, messagesLinked: 0, rows: [], contactIds: [], companyIds: [] };
    this.lastCompanyBefore = (sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM companies').get() as { id: number }).id;
    for (const c of sqlite.prepare('SELECT id, name FROM companies WHERE deleted_at IS NULL ORDER BY id DESC').iterate() as Iterable<{ id: number; name: string }>) {
      this.companyByName.set(companyKey(c.name), c.id);
    }
    for (const c of sqlite.prepare('SELECT id, first_name, last_name FROM contacts WHERE deleted_at IS NULL').iterate() as Iterable<{ id: number; first_name: string; last_name: string }>) {
      this.rememberName(c.first_name, c.last_name, c.id);
    }
  }

  add(p: Planned): void {
    const out: ImportedRow = {
      row: p.row, outcome: 'skipped', firstName: p.firstName, lastName: p.lastName, emails: p.emails, phones: p.phones, company: p.company, notes: p.notes,
      contactId: null, companyId: null, reason: p.skip, filled: [], warnings: [...p.warnings],
    };
    this.result.rows.push(out);
    if (p.skip) return;
    if (!p.firstName && !p.lastName && p.emails.length === 0) return this.addCompany(p, out);

    let existingId = p.emails.map(this.ownerOf).find((id) => id !== null) ?? null;
    if (existingId === null && p.emails.length === 0) {
      const namesakes = this.byName.get(nameKey(p.firstName, p.lastName)) ?? [];
      if (namesakes.length > 1) {
        out.reason = { code: 'sameName', field: null, value: `${p.firstName} ${p.lastName}`.trim() };
        return;
      }
      existingId = namesakes[0] ?? null;
    }
    if (existingId !== null) this.mergeInto(existingId, p, out);
    else this.create(p, out);
  }

  finish(): ImportResult {
    const r = this.result;
    r.total = r.rows.length;
    for (const row of r.rows) {
      if (row.outcome === 'created') r.created++;
      else if (row.outcome === 'merged') r.merged++;
      else if (row.outcome === 'unchanged') r.unchanged++;
      else if (row.outcome === 'skipped') r.skipped++;
    }
    r.companyIds = [...this.companies];
    r.companiesCreated = r.companyIds.filter((id) => id > this.lastCompanyBefore).length;
    return r;
  }

  private readonly ownerOf = (address: string): number | null =>
    (cached(this.sqlite, 'SELECT id FROM contacts WHERE email = @a AND deleted_at IS NULL UNION SELECT id FROM contacts WHERE email2 = @a AND deleted_at IS NULL ORDER BY id LIMIT 1').get({ a: address }) as
      | { id: number }
      | undefined)?.id ?? null;

  /** The file's companies, remembered by name so a thousand rows of one company look it up once. */
  private readonly companyFor = (name: string): number => {
    const id = this.companyByName.get(companyKey(name)) ?? this.records.companyNamed(name);
    this.companyByName.set(companyKey(name), id);
    this.companies.add(id);
    return id;
  };

  private rememberName(first: string, last: string, id: number): void {
    const key = nameKey(first, last);
    this.byName.set(key, [...(this.byName.get(key) ?? []), id]);
  }

  /** A row that names only a company; a company the file creates gets the row's notes, an existing one is not touched. */
  private addCompany(p: Planned, out: ImportedRow): void {
    out.outcome = 'company';
    out.companyId = this.companyFor(p.company);
    if (out.companyId > this.lastCompanyBefore && p.notes && !this.records.company(out.companyId).notes) this.records.updateCompany(out.companyId, { notes: p.notes });
    for (const phone of p.phones) out.warnings.push({ code: 'phoneDropped', field: 'phone', value: phone });
  }

  private mergeInto(contactId: number, p: Planned, out: ImportedRow): void {
    out.contactId = contactId;
    const before = this.records.contact(contactId);
    if (this.options.existing === 'skip') {
      out.reason = { code: 'existing', field: null, value: `${before.firstName} ${before.lastName}`.trim() || before.email || '' };
      return;
    }
    const { values, filled, added } = merge(before, p, this.ownerOf, this.companyFor, out.warnings);
    out.filled = filled;
    out.companyId = values.companyId;
    if (filled.length === 0) {
      out.outcome = 'unchanged';
      return;
    }
    this.records.updateContact(contactId, values);
    this.result.messagesLinked += linkExisting(this.sqlite, contactId, added);
    out.outcome = 'merged';
    this.result.contactIds.push(contactId);
  }

  private create(p: Planned, out: ImportedRow): void {
    const [email = null, email2 = null, ...extra] = p.emails;
    for (const address of extra) out.warnings.push({ code: 'extraAddress', field: 'email', value: address });
    const companyId = p.company ? this.companyFor(p.company) : null;
    const id = this.records.createContact({ firstName: p.firstName, lastName: p.lastName, email, email2, phones: p.phones, companyId, notes: p.notes });
    this.result.messagesLinked += linkExisting(this.sqlite, id, [email, email2].filter((a): a is string => a !== null));
    this.rememberName(p.firstName, p.lastName, id);
    Object.assign(out, { outcome: 'created', contactId: id, companyId });
    this.result.contactIds.push(id);
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
