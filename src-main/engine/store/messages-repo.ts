import { cached } from './statements.js';
import type Database from 'better-sqlite3';
import type { MessageFlags } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { notFound } from '../errors.js';
import { resolveThread } from './threads.js';
import { keepFiledInHistory } from '../crm/kept-history.js';

export type AddressRole = 'from' | 'to' | 'cc' | 'bcc' | 'reply-to';
export interface NamedAddress {
  name: string;
  address: string;
}

export interface NewAttachment {
  filename: string;
  contentType: string;
  size: number;
  contentId: string | null;
  inline: boolean;
  sha256: string;
}

export interface NewMessage {
  folderId: number;
  accountId: number | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  addresses: Record<AddressRole, NamedAddress[]>;
  date: Date | null;
  receivedAt: Date;
  direction: 'in' | 'out';
  flags: MessageFlags;
  malformedReason: string | null;
  ownerAgentId: number | null;
  sha256: string;
  size: number;
  /** Where the source went: in the row when small, else a blob file already on disk. */
  source: { format: 'raw' | 'skeleton1'; inline: Buffer | null; blob: string | null };
  headers: string;
  text: string | null;
  html: string | null;
  snippet: string;
  attachments: NewAttachment[];
}

export interface MessageRow {
  id: number;
  folder_id: number;
  account_id: number | null;
  message_id: string | null;
  subject: string;
  from_name: string;
  from_address: string;
  date: number | null;
  direction: 'in' | 'out';
  seen: number;
  flagged: number;
  answered: number;
  draft: number;
  junk: number;
  mdn_sent: number;
  malformed: number;
  malformed_reason: string | null;
  category: string | null;
  private: number;
  owner_agent_id: number | null;
  thread_id: string;
  size: number;
  source: Buffer | null;
  source_blob: string | null;
  source_format: 'raw' | 'skeleton1';
  text_body: string | null;
  html_body: string | null;
  snippet: string;
  has_attachments: number;
  /** Only in whole rows (get), not in list summaries. */
  headers?: string;
  read_by_recipient_at?: number | null;
  bounce?: 'hard' | 'soft' | null;
}

export interface AttachmentRow {
  id: number;
  message_id: number;
  filename: string;
  content_type: string;
  size: number;
  content_id: string | null;
  inline: number;
  sha256: string;
}

export const SUMMARY_COLUMNS = `id, folder_id, account_id, message_id, subject, from_name, from_address, date, direction, seen, flagged,
  answered, draft, junk, mdn_sent, malformed, malformed_reason, category, private, owner_agent_id, thread_id, size, NULL AS source,
  source_blob, source_format, NULL AS text_body, NULL AS html_body, snippet, has_attachments`;

export class MessagesRepo {
  constructor(private readonly sqlite: Database.Database) {}

  /** Inserts a message and everything that hangs off it; the caller runs this inside its transaction. */
  insert(m: NewMessage): number {
    const from = m.addresses.from[0];
    const threadId = resolveThread(this.sqlite, m.messageId, [...m.references, ...(m.inReplyTo ? [m.inReplyTo] : [])], m.sha256);
    const info = cached(this.sqlite, 
        `INSERT INTO messages (folder_id, account_id, message_id, in_reply_to, subject, from_name, from_address, date, received_at,
           direction, seen, flagged, answered, draft, junk, mdn_sent, malformed, malformed_reason, owner_agent_id, thread_id, sha256, size,
           source, source_blob, source_format, headers, text_body, html_body, snippet, has_attachments)
         VALUES (@folderId, @accountId, @messageId, @inReplyTo, @subject, @fromName, @fromAddress, @date, @receivedAt, @direction,
           @seen, @flagged, @answered, @draft, @junk, @mdnSent, @malformed, @malformedReason, @ownerAgentId, @threadId, @sha256, @size,
           @source, @sourceBlob, @sourceFormat, @headers, @text, @html, @snippet, @hasAttachments)`,
      )
      .run({
        folderId: m.folderId,
        accountId: m.accountId,
        messageId: m.messageId,
        inReplyTo: m.inReplyTo,
        subject: m.subject,
        fromName: from?.name ?? '',
        fromAddress: from ? normalizeAddress(from.address) : '',
        date: m.date?.getTime() ?? null,
        receivedAt: m.receivedAt.getTime(),
        direction: m.direction,
        seen: +m.flags.seen,
        flagged: +m.flags.flagged,
        answered: +m.flags.answered,
        draft: +m.flags.draft,
        junk: +m.flags.junk,
        mdnSent: +m.flags.mdnSent,
        malformed: +(m.malformedReason !== null),
        malformedReason: m.malformedReason,
        ownerAgentId: m.ownerAgentId,
        threadId,
        sha256: m.sha256,
        size: m.size,
        source: m.source.inline,
        sourceBlob: m.source.blob,
        sourceFormat: m.source.format,
        headers: m.headers,
        text: m.text,
        html: m.html,
        snippet: m.snippet,
        hasAttachments: +m.attachments.some((a) => !a.inline),
      });
    const id = Number(info.lastInsertRowid);
    this.insertAddresses(id, m.addresses);
    const ref = cached(this.sqlite, 'INSERT OR IGNORE INTO message_refs (message_id, ref) VALUES (?, ?)');
    for (const r of new Set([...m.references, ...(m.inReplyTo ? [m.inReplyTo] : [])])) ref.run(id, r);
    const att = cached(this.sqlite, 
      'INSERT INTO attachments (message_id, position, filename, content_type, size, content_id, inline, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    m.attachments.forEach((a, i) => att.run(id, i, a.filename, a.contentType, a.size, a.contentId, +a.inline, a.sha256));
    this.index(id, m);
    return id;
  }

  private insertAddresses(messageId: number, roles: Record<AddressRole, NamedAddress[]>): void {
    // Three plain statements rather than one UPSERT … RETURNING: that one opens a statement savepoint, and every
    // savepoint makes FTS5 flush the previous message's pending terms as a tiny segment it must merge later, which
    // made ingest slow down as the store grew (50,000 messages: 200-355 s, against 6 s this way).
    const insert = cached(this.sqlite, 'INSERT OR IGNORE INTO addresses (address, name) VALUES (?, ?)');
    const rename = cached(this.sqlite, "UPDATE addresses SET name = ? WHERE address = ? AND ? <> '' AND name <> ?");
    const find = cached(this.sqlite, 'SELECT id FROM addresses WHERE address = ?');
    const link = cached(this.sqlite, 'INSERT INTO message_addresses (message_id, role, position, address_id, name) VALUES (?, ?, ?, ?, ?)');
    for (const [role, list] of Object.entries(roles) as Array<[AddressRole, NamedAddress[]]>) {
      list.forEach((a, position) => {
        const address = normalizeAddress(a.address);
        if (insert.run(address, a.name).changes === 0) rename.run(a.name, address, a.name, a.name);
        const { id } = find.get(address) as { id: number };
        link.run(messageId, role, position, id, a.name);
      });
    }
  }

  private index(id: number, m: NewMessage): void {
    const people = Object.values(m.addresses)
      .flat()
      .map((a) => `${a.name} ${a.address}`)
      .join(' ');
    const names = m.attachments.map((a) => a.filename).join(' ');
    cached(this.sqlite, 'INSERT INTO messages_fts (rowid, subject, people, body, attachments) VALUES (?, ?, ?, ?, ?)').run(id, m.subject, people, m.text ?? '', names);
    const from = m.addresses.from[0];
    cached(this.sqlite, 'INSERT INTO messages_trigram (rowid, subject, sender, people, attachments) VALUES (?, ?, ?, ?, ?)')
      .run(id, m.subject, from ? `${from.name} ${from.address}` : '', people, names);
  }

  /**
   * Prefers a row the server has not claimed yet, so a re-downloaded copy maps onto it instead of duplicating.
   * `+folder_id` keeps SQLite on the sha256 index: the folder index would scan the whole folder for every message.
   */
  findInFolderBySha(folderId: number, sha256: string): { id: number; malformed: number; uid: number | null } | undefined {
    return cached(this.sqlite, 'SELECT id, malformed, uid FROM messages WHERE +folder_id = ? AND sha256 = ? ORDER BY uid IS NOT NULL, id LIMIT 1')
      .get(folderId, sha256) as { id: number; malformed: number; uid: number | null } | undefined;
  }

  get(id: number): MessageRow {
    const row = cached(this.sqlite, 'SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
    if (!row) throw notFound(`Message ${id}`);
    return row;
  }

  addressesOf(ids: number[], roles: AddressRole[]): Map<number, Map<AddressRole, NamedAddress[]>> {
    const out = new Map<number, Map<AddressRole, NamedAddress[]>>();
    if (ids.length === 0) return out;
    const rows = cached(this.sqlite, 
        `SELECT ma.message_id, ma.role, ma.name, a.address FROM message_addresses ma JOIN addresses a ON a.id = ma.address_id
         WHERE ma.message_id IN (SELECT value FROM json_each(?)) AND ma.role IN (SELECT value FROM json_each(?))
         ORDER BY ma.message_id, ma.role, ma.position`,
      )
      .all(JSON.stringify(ids), JSON.stringify(roles)) as Array<{ message_id: number; role: AddressRole; name: string; address: string }>;
    for (const r of rows) {
      const byRole = out.get(r.message_id) ?? new Map<AddressRole, NamedAddress[]>();
      const list = byRole.get(r.role) ?? [];
      list.push({ name: r.name, address: r.address });
      byRole.set(r.role, list);
      out.set(r.message_id, byRole);
    }
    return out;
  }

  attachmentsOf(messageId: number): AttachmentRow[] {
    return cached(this.sqlite, 'SELECT * FROM attachments WHERE message_id = ? ORDER BY position').all(messageId) as AttachmentRow[];
  }

  /** Removes messages and their index rows; their files stay for the sweeper (another message may share them). */
  deleteMany(ids: number[]): number {
    return deleteMessageRows(this.sqlite, ids);
  }

  /** Moves rows to another folder; their server reference is cleared until the server tells the new one. */
  moveMany(ids: number[], folderId: number, accountId: number | null): number {
    return cached(this.sqlite, 'UPDATE messages SET folder_id = ?, account_id = ?, uid = NULL, uid_validity = NULL WHERE id IN (SELECT value FROM json_each(?))')
      .run(folderId, accountId, JSON.stringify(ids)).changes;
  }

  /** UID → message id for a folder's messages that the server knows. */
  uidsOf(folderId: number): Map<number, number> {
    const rows = cached(this.sqlite, 'SELECT uid, id FROM messages WHERE folder_id = ? AND uid IS NOT NULL').all(folderId) as Array<{ uid: number; id: number }>;
    return new Map(rows.map((r) => [r.uid, r.id]));
  }

  setRemote(id: number, uid: number | null, uidValidity: number | null): void {
    cached(this.sqlite, 'UPDATE messages SET uid = ?, uid_validity = ? WHERE id = ?').run(uid, uidValidity, id);
  }

  /** Forgets every UID of a folder (after a UIDVALIDITY change) while keeping the rows and what hangs off them. */
  clearRemote(folderId: number): void {
    cached(this.sqlite, 'UPDATE messages SET uid = NULL, uid_validity = NULL WHERE folder_id = ?').run(folderId);
  }

  /** Messages of a folder still without a server reference (moved here locally, or orphaned by UIDVALIDITY). */
  unmapped(folderId: number): number[] {
    return (cached(this.sqlite, 'SELECT id FROM messages WHERE folder_id = ? AND uid IS NULL').all(folderId) as Array<{ id: number }>).map((r) => r.id);
  }

  flagsOf(ids: number[]): Map<number, MessageFlags> {
    const rows = cached(this.sqlite, 'SELECT id, seen, flagged, answered, draft, junk, mdn_sent FROM messages WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as Array<{ id: number; seen: number; flagged: number; answered: number; draft: number; junk: number; mdn_sent: number }>;
    return new Map(rows.map((r) => [r.id, { seen: r.seen === 1, flagged: r.flagged === 1, answered: r.answered === 1, draft: r.draft === 1, junk: r.junk === 1, mdnSent: r.mdn_sent === 1 }]));
  }

  setFlags(ids: number[], flags: Partial<MessageFlags>): number {
    const columns = (['seen', 'flagged', 'answered', 'draft', 'junk', 'mdnSent'] as const).filter((f) => flags[f] !== undefined);
    if (columns.length === 0) return 0;
    const column = (c: (typeof columns)[number]) => (c === 'mdnSent' ? 'mdn_sent' : c);
    const set = columns.map((c) => `${column(c)} = @${c}`).join(', ');
    const values = Object.fromEntries(columns.map((c) => [c, +flags[c]!]));
    const info = cached(this.sqlite, `UPDATE messages SET ${set} WHERE id IN (SELECT value FROM json_each(@ids))`)
      .run({ ...values, ids: JSON.stringify(ids) });
    return info.changes;
  }
}

/**
 * The one way message rows go: with their rows in both full-text indexes (contentless tables have no trigger to do
 * it). Addresses, attachments and references go by cascade; blob files stay for the sweeper; what CRM history shows of
 * a filed email is kept (crm/kept-history.ts).
 */
export function deleteMessageRows(sqlite: Database.Database, ids: number[]): number {
  if (ids.length === 0) return 0;
  const json = JSON.stringify(ids);
  keepFiledInHistory(sqlite, ids);
  cached(sqlite, 'DELETE FROM messages_fts WHERE rowid IN (SELECT value FROM json_each(?))').run(json);
  cached(sqlite, 'DELETE FROM messages_trigram WHERE rowid IN (SELECT value FROM json_each(?))').run(json);
  return cached(sqlite, 'DELETE FROM messages WHERE id IN (SELECT value FROM json_each(?))').run(json).changes;
}
