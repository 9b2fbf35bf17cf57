import type Database from 'better-sqlite3';
import type { MailingRecipient, RecordRef } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { isSendableAddress } from '../compose/address-check.js';
import { EngineError, notFound } from '../errors.js';
import { cached } from '../store/statements.js';

/** Who a mailing is asked to go to: CRM records, or agents (the staff). */
export type MailingTarget = RecordRef | { type: 'agent'; id: number };
export type RecipientKind = 'contact' | 'company' | 'lead' | 'agent';
export type SkipReason = Exclude<NonNullable<MailingRecipient['reason']>, 'send-failed'>;

/** One row of a mailing's recipients, before it is stored. */
export interface PlannedRecipient {
  recordType: RecipientKind;
  recordId: number;
  name: string;
  address: string | null;
  state: 'waiting' | 'skipped';
  reason: SkipReason | null;
}

type Person = Omit<PlannedRecipient, 'state' | 'reason'>;

const fullName = (first: string, last: string) => `${first} ${last}`.trim();

interface ContactRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  email2: string | null;
}

/** A contact's address: the main one, the second when the main one is missing. */
const contactPerson = (c: ContactRow): Person => ({ recordType: 'contact', recordId: c.id, name: fullName(c.first_name, c.last_name), address: c.email || c.email2 || null });

function live<T extends { deleted_at: number | null }>(row: T | undefined, label: string, id: number): T {
  if (!row) throw notFound(`${label} ${id}`);
  if (row.deleted_at !== null) throw new EngineError('INVALID_INPUT', `${label} ${id} is deleted: restore it, or leave it out of the mailing.`);
  return row;
}

type ContactsById = Map<number, ContactRow & { deleted_at: number | null }>;

/** The contacts asked for by id, read at once: a list's 20,000 contacts in one query rather than 20,000. */
function contactsById(sqlite: Database.Database, targets: MailingTarget[]): ContactsById {
  const ids = targets.flatMap((t) => (t.type === 'contact' ? [t.id] : []));
  const rows = sqlite
    .prepare('SELECT id, first_name, last_name, email, email2, deleted_at FROM contacts WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as Array<ContactRow & { deleted_at: number | null }>;
  return new Map(rows.map((r) => [r.id, r]));
}

/** The people one target stands for: a company is its contacts (not deleted); the others are themselves. */
function people(sqlite: Database.Database, target: MailingTarget, contacts: ContactsById): Person[] {
  switch (target.type) {
    case 'contact':
      return [contactPerson(live(contacts.get(target.id), 'Contact', target.id))];
    case 'company': {
      const company = live(cached(sqlite, 'SELECT name, deleted_at FROM companies WHERE id = ?').get(target.id) as { name: string; deleted_at: number | null } | undefined, 'Company', target.id);
      const contacts = cached(
        sqlite,
        'SELECT id, first_name, last_name, email, email2 FROM contacts WHERE company_id = ? AND deleted_at IS NULL ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id',
      ).all(target.id) as ContactRow[];
      // A company nobody works at is still listed, skipped: the person sees why it got nothing.
      return contacts.length > 0 ? contacts.map(contactPerson) : [{ recordType: 'company', recordId: target.id, name: company.name, address: null }];
    }
    case 'lead': {
      const row = live(
        cached(sqlite, 'SELECT first_name, last_name, email, company_name, deleted_at FROM leads WHERE id = ?').get(target.id) as
          | { first_name: string; last_name: string; email: string | null; company_name: string; deleted_at: number | null }
          | undefined,
        'Lead',
        target.id,
      );
      return [{ recordType: 'lead', recordId: target.id, name: fullName(row.first_name, row.last_name) || row.company_name, address: row.email || null }];
    }
    case 'agent': {
      const row = cached(sqlite, 'SELECT name, email FROM agents WHERE id = ?').get(target.id) as { name: string; email: string | null } | undefined;
      if (!row) throw notFound(`Agent ${target.id}`);
      return [{ recordType: 'agent', recordId: target.id, name: row.name, address: row.email || null }];
    }
    case 'deal':
    case 'ticket':
    case 'task':
    case 'event':
      throw new EngineError('INVALID_INPUT', `A ${target.type} cannot receive a mailing: choose contacts, companies, leads or agents.`);
  }
}

/**
 * The recipients of a mailing in the order asked for, each address once: people without a usable address, a
 * second time an address comes up, blacklisted addresses and those that bounced for good are kept in the list,
 * skipped, with the reason.
 */
export function planRecipients(sqlite: Database.Database, targets: MailingTarget[]): PlannedRecipient[] {
  const contacts = contactsById(sqlite, targets);
  const all = targets.flatMap((t) => people(sqlite, t, contacts)).map((p) => ({ ...p, address: p.address ? normalizeAddress(p.address) : null }));
  const states = addressStates(sqlite, all.flatMap((p) => (p.address ? [p.address] : [])));
  const seen = new Set<string>();
  return all.map((p): PlannedRecipient => {
    const skip = (reason: SkipReason): PlannedRecipient => ({ ...p, state: 'skipped', reason });
    if (!p.address || !isSendableAddress(p.address)) return skip('no-address');
    if (seen.has(p.address)) return skip('duplicate');
    seen.add(p.address);
    const state = states.get(p.address);
    if (state?.blacklisted) return skip('blacklisted');
    if (state?.bounce === 'hard') return skip('hard-bounce');
    return { ...p, state: 'waiting', reason: null };
  });
}

function addressStates(sqlite: Database.Database, addresses: string[]): Map<string, { blacklisted: boolean; bounce: string | null }> {
  const rows = sqlite
    .prepare('SELECT address, blacklisted_at, bounce FROM address_states WHERE address IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(addresses)])) as Array<{ address: string; blacklisted_at: number | null; bounce: string | null }>;
  return new Map(rows.map((r) => [r.address, { blacklisted: r.blacklisted_at !== null, bounce: r.bounce }]));
}
