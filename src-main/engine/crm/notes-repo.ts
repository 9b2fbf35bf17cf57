import type Database from 'better-sqlite3';
import type { Note, RecordRef } from '../../../src-shared/contract/index.js';
import { forbidden, notFound } from '../errors.js';
import { cached } from '../store/statements.js';
import { relatedOf } from './relations.js';
import { iso, isoNotNull, pageOf } from './sql-values.js';

interface NoteRow {
  id: number; body: string; author_id: number | null; author_name: string | null; addressee_id: number | null; addressee_name: string | null;
  message_id: number | null; subject: string | null; private: number | null; owner_agent_id: number | null;
  read_at: number | null; deleted_at: number | null; created_at: number;
}

// The email's subject, from the mailbox or from what the history kept of it once deleted.
const SELECT = `n.*, au.name AS author_name, ad.name AS addressee_name,
  coalesce(m.subject, rm.subject) AS subject, coalesce(m.private, rm.private) AS private, coalesce(m.owner_agent_id, rm.owner_agent_id) AS owner_agent_id`;
const FROM = `notes n LEFT JOIN agents au ON au.id = n.author_id LEFT JOIN agents ad ON ad.id = n.addressee_id
  LEFT JOIN messages m ON m.id = n.message_id LEFT JOIN removed_messages rm ON rm.id = n.message_id`;

/** Notes on records and emails; one addressed to a colleague waits in their list until they read it. */
export class NotesRepo {
  constructor(private readonly sqlite: Database.Database) {}

  private hydrate(rows: NoteRow[], agentId: number): Note[] {
    const related = relatedOf(this.sqlite, 'note', rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id, body: r.body, authorId: r.author_id, authorName: r.author_name, addresseeId: r.addressee_id, addresseeName: r.addressee_name,
      messageId: r.message_id,
      // A private email's subject is its sender's alone, here as everywhere.
      messageSubject: r.message_id === null ? null : r.private === 1 && r.owner_agent_id !== agentId ? '' : (r.subject ?? ''),
      related: related.get(r.id) ?? [], readAt: iso(r.read_at), deleted: r.deleted_at !== null, createdAt: isoNotNull(r.created_at),
    }));
  }

  get(id: number, agentId: number): Note {
    const row = cached(this.sqlite, `SELECT ${SELECT} FROM ${FROM} WHERE n.id = ?`).get(id) as NoteRow | undefined;
    if (!row) throw notFound(`Note ${id}`);
    return this.hydrate([row], agentId)[0]!;
  }

  list(q: { related?: RecordRef | undefined; messageId?: number | undefined; toMe: boolean; unreadOnly: boolean; limit: number; offset: number }, agentId: number) {
    const filters: Array<[string, ...unknown[]]> = [['n.deleted_at IS NULL']];
    if (q.related) filters.push(["EXISTS (SELECT 1 FROM record_relations r WHERE r.record_type = 'note' AND r.record_id = n.id AND r.related_type = ? AND r.related_id = ?)", q.related.type, q.related.id]);
    if (q.messageId) filters.push(['n.message_id = ?', q.messageId]);
    if (q.toMe) filters.push(['n.addressee_id = ?', agentId]);
    if (q.unreadOnly) filters.push(['n.read_at IS NULL']);
    const { rows, total } = pageOf<NoteRow>(this.sqlite, {
      select: SELECT, from: FROM, where: filters.map(([w]) => w), params: filters.flatMap(([, ...v]) => v),
      order: `${q.toMe ? 'n.read_at IS NOT NULL, ' : ''}n.created_at DESC, n.id DESC`, limit: q.limit, offset: q.offset,
    });
    return { items: this.hydrate(rows, agentId), total };
  }

  create(v: { body: string; authorId: number; addresseeId: number | null; messageId: number | null }): number {
    if (v.addresseeId !== null && !cached(this.sqlite, 'SELECT 1 FROM agents WHERE id = ?').get(v.addresseeId)) throw notFound(`Agent ${v.addresseeId}`);
    return (cached(this.sqlite, 'INSERT INTO notes (body, author_id, addressee_id, message_id) VALUES (?, ?, ?, ?) RETURNING id')
      .get(v.body, v.authorId, v.addresseeId, v.messageId) as { id: number }).id;
  }

  /** Only the colleague a note is addressed to says they have read it. */
  markRead(id: number, agentId: number, read: boolean): void {
    const note = this.get(id, agentId);
    if (note.addresseeId !== agentId) throw forbidden('mark this note read: it is addressed to someone else');
    cached(this.sqlite, 'UPDATE notes SET read_at = ? WHERE id = ?').run(read ? Date.now() : null, id);
  }

  /** A note is its author's to delete (notes written before agents existed are anyone's). */
  delete(id: number, agentId: number): void {
    const note = this.get(id, agentId);
    if (note.authorId !== null && note.authorId !== agentId) throw forbidden(`delete this note: it is ${note.authorName ?? 'another agent'}'s`);
    cached(this.sqlite, 'UPDATE notes SET deleted_at = ? WHERE id = ?').run(Date.now(), id);
  }
}
