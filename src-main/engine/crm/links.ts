import type Database from 'better-sqlite3';
import type { MessageLink, RecordType } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import type { AddressRole, NamedAddress } from '../store/messages-repo.js';
import { cached } from '../store/statements.js';
import { reviveFromHistory } from './kept-history.js';
import { recordNameSql } from './record-names.js';

/** The addresses that file a message: for mail received, its sender and recipients; for mail sent, its recipients. */
function linkingAddresses(direction: 'in' | 'out', addresses: Record<AddressRole, NamedAddress[]>): string[] {
  const roles: AddressRole[] = direction === 'in' ? ['from', 'to', 'cc'] : ['to', 'cc', 'bcc'];
  return [...new Set(roles.flatMap((r) => addresses[r].map((a) => normalizeAddress(a.address))).filter(Boolean))];
}

/**
 * Files a new message in the history of the contacts whose address is on it, and of their companies; an address
 * several contacts share goes to the ambiguous queue instead of a guess (or to the contact chosen for it). A reply
 * also joins the records the messages it names (References, In-Reply-To) are filed under by address or by hand —
 * not those they only inherited, which References already name at their source, so a long thread of many
 * correspondents does not pile every one of them onto each later message. Runs inside the message's transaction.
 */
export function linkNewMessage(
  sqlite: Database.Database,
  messageId: number,
  m: { direction: 'in' | 'out'; sha256: string; addresses: Record<AddressRole, NamedAddress[]>; references: string[]; inReplyTo: string | null },
): void {
  reviveFromHistory(sqlite, messageId, m.sha256);
  const addresses = linkingAddresses(m.direction, m.addresses);
  const insert = cached(sqlite, 'INSERT OR IGNORE INTO message_links (message_id, record_type, record_id, reason) VALUES (?, ?, ?, ?)');
  if (addresses.length > 0) {
    // One lookup per address, on each of the two address indexes.
    const find = cached(
      sqlite,
      `SELECT id, company_id FROM contacts WHERE email = @a AND deleted_at IS NULL
       UNION SELECT id, company_id FROM contacts WHERE email2 = @a AND deleted_at IS NULL`,
    );
    for (const address of addresses) {
      const contacts = find.all({ a: address }) as Array<{ id: number; company_id: number | null }>;
      if (contacts.length === 0) continue;
      let chosen = contacts.length === 1 ? contacts[0] : undefined;
      if (!chosen) {
        const settled = cached(sqlite, 'SELECT contact_id FROM ambiguous_addresses WHERE address = ?').get(address) as { contact_id: number | null } | undefined;
        if (!settled) cached(sqlite, 'INSERT OR IGNORE INTO ambiguous_addresses (address) VALUES (?)').run(address);
        chosen = contacts.find((c) => c.id === settled?.contact_id);
      }
      if (!chosen) continue;
      insert.run(messageId, 'contact', chosen.id, 'address');
      if (chosen.company_id !== null) insert.run(messageId, 'company', chosen.company_id, 'address');
    }
  }
  const refs = [...new Set([...m.references, ...(m.inReplyTo ? [m.inReplyTo] : [])])];
  if (refs.length > 0) inheritThreadLinks(sqlite, messageId, m.direction, refs);
}

/**
 * A reply joins its thread's contacts, companies, leads, deals and ticket — one ticket, the most recent, should the
 * thread's messages name several; a ticket follows the whole thread, even a reply that names only a reply. Tasks and events are offered when replying, not attached unasked. A customer's
 * reply to a closed ticket reopens it.
 */
function inheritThreadLinks(sqlite: Database.Database, messageId: number, direction: 'in' | 'out', refs: string[]): void {
  const inherited = cached(
    sqlite,
    `SELECT record_type, record_id FROM message_links
     WHERE (reason <> 'thread' OR record_type = 'ticket') AND record_type NOT IN ('task', 'event')
       AND message_id IN (SELECT id FROM messages WHERE message_id IN (SELECT value FROM json_each(?)))
     GROUP BY record_type, record_id ORDER BY max(created_at) DESC`,
  ).all(JSON.stringify(refs)) as Array<{ record_type: RecordType; record_id: number }>;
  const insert = cached(sqlite, "INSERT OR IGNORE INTO message_links (message_id, record_type, record_id, reason) VALUES (?, ?, ?, 'thread')");
  let ticket = cached(sqlite, "SELECT 1 FROM message_links WHERE message_id = ? AND record_type = 'ticket'").get(messageId) !== undefined;
  for (const l of inherited) {
    if (l.record_type === 'ticket') {
      if (ticket) continue;
      ticket = true;
      if (direction === 'in') cached(sqlite, "UPDATE tickets SET status = 'open', closed_at = NULL WHERE id = ? AND status = 'closed'").run(l.record_id);
    }
    insert.run(messageId, l.record_type, l.record_id);
  }
}

/**
 * Links the mail already stored for a contact's addresses (a contact created or given a new address, an ambiguous
 * address settled): the same rule as for new mail, sender or recipient of mail received, recipient of mail sent.
 */
export function linkExisting(sqlite: Database.Database, contactId: number, addresses: string[]): number {
  const contact = cached(sqlite, 'SELECT company_id FROM contacts WHERE id = ? AND deleted_at IS NULL').get(contactId) as { company_id: number | null } | undefined;
  if (!contact || addresses.length === 0) return 0;
  const select = `SELECT DISTINCT ma.message_id FROM message_addresses ma JOIN addresses a ON a.id = ma.address_id
    JOIN messages m ON m.id = ma.message_id
    WHERE a.address IN (SELECT value FROM json_each(@addresses)) AND (m.direction = 'in' OR ma.role <> 'from') AND ma.role <> 'reply-to'`;
  const params = { addresses: JSON.stringify(addresses.map(normalizeAddress)) };
  const linked = cached(sqlite, `INSERT OR IGNORE INTO message_links (message_id, record_type, record_id, reason) SELECT message_id, 'contact', @id, 'address' FROM (${select})`)
    .run({ ...params, id: contactId }).changes;
  if (contact.company_id !== null) {
    cached(sqlite, `INSERT OR IGNORE INTO message_links (message_id, record_type, record_id, reason) SELECT message_id, 'company', @id, 'address' FROM (${select})`)
      .run({ ...params, id: contact.company_id });
  }
  return linked;
}

/** The links of each message, with the records' names, for lists and the message view. */
export function linksOf(sqlite: Database.Database, messageIds: number[]): Map<number, MessageLink[]> {
  const out = new Map<number, MessageLink[]>();
  if (messageIds.length === 0) return out;
  const rows = cached(
    sqlite,
    `SELECT l.message_id, l.record_type, l.record_id, l.reason, ${recordNameSql('l.record_type', 'l.record_id')} AS name
     FROM message_links l WHERE l.message_id IN (SELECT value FROM json_each(?)) ORDER BY l.message_id, CASE l.record_type WHEN 'contact' THEN 0 WHEN 'company' THEN 1 WHEN 'ticket' THEN 2 ELSE 3 END, l.created_at`,
  ).all(JSON.stringify(messageIds)) as Array<{ message_id: number; record_type: RecordType; record_id: number; reason: MessageLink['reason']; name: string | null }>;
  for (const r of rows) {
    const list = out.get(r.message_id) ?? [];
    list.push({ type: r.record_type, id: r.record_id, name: r.name ?? '', reason: r.reason });
    out.set(r.message_id, list);
  }
  return out;
}
