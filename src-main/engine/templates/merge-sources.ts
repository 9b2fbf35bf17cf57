import type Database from 'better-sqlite3';
import type { Locale, MergeTarget } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import type { MergePerson, MergeSources } from '../../../src-shared/domain/merge-fields.js';
import { notFound } from '../errors.js';
import { cached } from '../store/statements.js';

interface ContactRow {
  first_name: string;
  last_name: string;
  email: string | null;
  phones: string;
  company_id: number | null;
}

const firstPhone = (phones: string): string | null => (JSON.parse(phones) as string[])[0] ?? null;

function contactById(sqlite: Database.Database, id: number): ContactRow {
  const row = cached(sqlite, 'SELECT first_name, last_name, email, phones, company_id FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
  if (!row) throw notFound(`Contact ${id}`);
  return row;
}

/** The contact (not deleted) an address is, when exactly one is. */
function contactByAddress(sqlite: Database.Database, address: string): ContactRow | null {
  const rows = cached(
    sqlite,
    'SELECT first_name, last_name, email, phones, company_id FROM contacts WHERE deleted_at IS NULL AND (email = @a OR email2 = @a) LIMIT 2',
  ).all({ a: normalizeAddress(address) }) as ContactRow[];
  return rows.length === 1 ? rows[0]! : null;
}

function companyName(sqlite: Database.Database, id: number): string {
  const row = cached(sqlite, 'SELECT name FROM companies WHERE id = ?').get(id) as { name: string } | undefined;
  if (!row) throw notFound(`Company ${id}`);
  return row.name;
}

/**
 * What a template is filled from for one target: the contact (by id, else the one contact its address is), the
 * company (asked for, else the contact's), the lead, and the sending agent with their language.
 */
export function mergeSourcesFor(sqlite: Database.Database, target: MergeTarget, agentId: number, now: Date): MergeSources {
  const contactRow = target.contactId !== undefined ? contactById(sqlite, target.contactId) : target.address ? contactByAddress(sqlite, target.address.address) : null;
  let contact: MergePerson | null = null;
  if (contactRow) {
    contact = {
      firstName: contactRow.first_name,
      lastName: contactRow.last_name,
      email: contactRow.email ?? target.address?.address ?? null,
      phone: firstPhone(contactRow.phones),
    };
  } else if (target.address && target.leadId === undefined) {
    // Someone who is no contact: their address, and the name they go by as a whole (not guessed apart).
    contact = { firstName: '', lastName: '', fullName: target.address.name, email: target.address.address, phone: null };
  }

  const companyId = target.companyId ?? contactRow?.company_id ?? undefined;
  const company = companyId !== undefined && companyId !== null ? { name: companyName(sqlite, companyId) } : null;

  let lead: MergeSources['lead'] = null;
  if (target.leadId !== undefined) {
    const row = cached(sqlite, 'SELECT first_name, last_name, email, phone, company_name FROM leads WHERE id = ?').get(target.leadId) as
      | { first_name: string; last_name: string; email: string | null; phone: string; company_name: string }
      | undefined;
    if (!row) throw notFound(`Lead ${target.leadId}`);
    lead = { firstName: row.first_name, lastName: row.last_name, email: row.email, phone: row.phone || null, companyName: row.company_name };
  }

  const agent = cached(sqlite, 'SELECT name, email, locale FROM agents WHERE id = ?').get(agentId) as
    | { name: string; email: string | null; locale: Locale | null }
    | undefined;
  if (!agent) throw notFound(`Agent ${agentId}`);
  return { contact, company, lead, agent: { name: agent.name, email: agent.email }, locale: agent.locale ?? 'en', now };
}
