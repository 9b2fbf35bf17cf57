import type Database from 'better-sqlite3';
import type { AddressState, Company, Contact } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { EngineError, notFound } from '../errors.js';
import { cached } from '../store/statements.js';
import { likeWords } from './sql-values.js';

export type ContactValues = Pick<Contact, 'firstName' | 'lastName' | 'email' | 'email2' | 'phones' | 'companyId' | 'notes'>;

interface ContactRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  email2: string | null;
  phones: string;
  company_id: number | null;
  company_name: string | null;
  notes: string;
  deleted_at: number | null;
  created_at: number;
}

interface CompanyRow {
  id: number;
  name: string;
  notes: string;
  contacts: number;
  deleted_at: number | null;
  created_at: number;
}

const CONTACT = `SELECT c.*, co.name AS company_name FROM contacts c LEFT JOIN companies co ON co.id = c.company_id`;
const COMPANY = `SELECT co.*, (SELECT count(*) FROM contacts c WHERE c.company_id = co.id AND c.deleted_at IS NULL) AS contacts FROM companies co`;

const toContact = (r: ContactRow, states: Map<string, AddressState>): Contact => ({
  id: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email, email2: r.email2, phones: JSON.parse(r.phones) as string[],
  companyId: r.company_id, companyName: r.company_name, notes: r.notes,
  addressStates: [r.email, r.email2].flatMap((a) => (a && states.has(a) ? [states.get(a)!] : [])), deleted: r.deleted_at !== null, createdAt: new Date(r.created_at).toISOString(),
});
const toCompany = (r: CompanyRow): Company => ({
  id: r.id, name: r.name, notes: r.notes, contacts: r.contacts, deleted: r.deleted_at !== null, createdAt: new Date(r.created_at).toISOString(),
});

/** The blacklist and bounce states of these addresses; an address with neither has no entry. */
export function addressStates(sqlite: Database.Database, addresses: string[]): Map<string, AddressState> {
  const rows = cached(sqlite, 'SELECT address, blacklisted_at, bounce FROM address_states WHERE address IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(addresses)) as Array<{ address: string; blacklisted_at: number | null; bounce: 'hard' | 'soft' | null }>;
  return new Map(rows.filter((r) => r.blacklisted_at !== null || r.bounce !== null).map((r) => [r.address, { address: r.address, blacklisted: r.blacklisted_at !== null, bounce: r.bounce }]));
}

export class RecordsRepo {
  constructor(private readonly sqlite: Database.Database) {}

  contact(id: number): Contact {
    const row = cached(this.sqlite, `${CONTACT} WHERE c.id = ?`).get(id) as ContactRow | undefined;
    if (!row) throw notFound(`Contact ${id}`);
    return this.hydrate([row])[0]!;
  }

  private hydrate(rows: ContactRow[]): Contact[] {
    const states = addressStates(this.sqlite, rows.flatMap((r) => [r.email, r.email2].filter((a): a is string => a !== null)));
    return rows.map((r) => toContact(r, states));
  }

  company(id: number): Company {
    const row = cached(this.sqlite, `${COMPANY} WHERE co.id = ?`).get(id) as CompanyRow | undefined;
    if (!row) throw notFound(`Company ${id}`);
    return toCompany(row);
  }

  contacts(q: { query: string; companyId?: number | undefined; includeDeleted: boolean; limit: number; offset: number }): { items: Contact[]; total: number } {
    const words = likeWords(q.query);
    const company = q.companyId === undefined ? [] : [q.companyId];
    const where = [q.includeDeleted ? '1' : 'c.deleted_at IS NULL', ...company.map(() => 'c.company_id = ?'), ...words.map(() => `fold(c.first_name || ' ' || c.last_name || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.email2, '') || ' ' || coalesce(co.name, '')) LIKE ? ESCAPE '\\'`)].join(' AND ');
    const total = (this.sqlite.prepare(`SELECT count(*) AS n FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE ${where}`).get(...company, ...words) as { n: number }).n;
    const rows = this.sqlite.prepare(`${CONTACT} WHERE ${where} ORDER BY fold(c.last_name), fold(c.first_name), c.id LIMIT ? OFFSET ?`).all(...company, ...words, q.limit, q.offset) as ContactRow[];
    return { items: this.hydrate(rows), total };
  }

  companies(q: { query: string; includeDeleted: boolean; limit: number; offset: number }): { items: Company[]; total: number } {
    const words = likeWords(q.query);
    const where = [q.includeDeleted ? '1' : 'co.deleted_at IS NULL', ...words.map(() => `fold(co.name) LIKE ? ESCAPE '\\'`)].join(' AND ');
    const total = (this.sqlite.prepare(`SELECT count(*) AS n FROM companies co WHERE ${where}`).get(...words) as { n: number }).n;
    const rows = this.sqlite.prepare(`${COMPANY} WHERE ${where} ORDER BY fold(co.name), co.id LIMIT ? OFFSET ?`).all(...words, q.limit, q.offset) as CompanyRow[];
    return { items: rows.map(toCompany), total };
  }

  /** A company by name (case-insensitive, not deleted), created when there is none. */
  companyNamed(name: string): number {
    const found = cached(this.sqlite, 'SELECT id FROM companies WHERE ulower(name) = ulower(?) AND deleted_at IS NULL ORDER BY id LIMIT 1').get(name) as { id: number } | undefined;
    return found?.id ?? this.createCompany(name, '');
  }

  createCompany(name: string, notes: string): number {
    return (cached(this.sqlite, 'INSERT INTO companies (name, notes) VALUES (?, ?) RETURNING id').get(name, notes) as { id: number }).id;
  }

  updateCompany(id: number, values: { name?: string; notes?: string }): void {
    const before = this.company(id);
    cached(this.sqlite, 'UPDATE companies SET name = ?, notes = ? WHERE id = ?').run(values.name ?? before.name, values.notes ?? before.notes, id);
  }

  /** Company names are unique whatever their case: "ACME" is the existing Acme, not a second company. */
  assertCompanyNameFree(name: string, except = 0): void {
    const other = cached(this.sqlite, 'SELECT id, name FROM companies WHERE ulower(name) = ulower(?) AND id <> ? AND deleted_at IS NULL LIMIT 1').get(name.trim(), except) as { id: number; name: string } | undefined;
    if (other) throw new EngineError('CONFLICT', `The company ${other.name} already exists (company ${other.id}); open it instead of creating another.`, { companyId: other.id });
  }

  /** The duplicate check: another live contact with one of these addresses. */
  assertAddressesFree(addresses: Array<string | null>, except = 0): void {
    for (const raw of addresses) {
      if (!raw) continue;
      const address = normalizeAddress(raw);
      const other = cached(this.sqlite, 'SELECT id, first_name, last_name FROM contacts WHERE (email = ? OR email2 = ?) AND id <> ? AND deleted_at IS NULL LIMIT 1')
        .get(address, address, except) as { id: number; first_name: string; last_name: string } | undefined;
      if (other) {
        const who = `${other.first_name} ${other.last_name}`.trim() || `contact ${other.id}`;
        throw new EngineError('CONFLICT', `${address} is already the address of ${who} (contact ${other.id}); open that contact instead of creating another.`, { contactId: other.id });
      }
    }
  }

  createContact(c: ContactValues): number {
    return (cached(this.sqlite, 'INSERT INTO contacts (first_name, last_name, email, email2, phones, company_id, notes) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id')
      .get(c.firstName, c.lastName, c.email && normalizeAddress(c.email), c.email2 && normalizeAddress(c.email2), JSON.stringify(c.phones), c.companyId, c.notes) as { id: number }).id;
  }

  updateContact(id: number, c: ContactValues): void {
    cached(this.sqlite, 'UPDATE contacts SET first_name = ?, last_name = ?, email = ?, email2 = ?, phones = ?, company_id = ?, notes = ? WHERE id = ?')
      .run(c.firstName, c.lastName, c.email && normalizeAddress(c.email), c.email2 && normalizeAddress(c.email2), JSON.stringify(c.phones), c.companyId, c.notes, id);
  }

  setDeleted(table: 'contacts' | 'companies', id: number, deleted: boolean): void {
    const changed = this.sqlite.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(deleted ? Date.now() : null, id).changes;
    if (changed === 0) throw notFound(`${table === 'contacts' ? 'Contact' : 'Company'} ${id}`);
  }
}
