import type Database from 'better-sqlite3';
import { cached } from '../store/statements.js';

/**
 * Filed emails outlive their deletion from the mailbox: before message rows go, what the records' history shows of
 * those that are filed somewhere is kept with their links. A copy with the same bytes still in the mailbox makes
 * that unnecessary (the history shows the copy).
 */
export function keepFiledInHistory(sqlite: Database.Database, ids: number[]): void {
  const json = JSON.stringify(ids);
  cached(
    sqlite,
    `INSERT OR REPLACE INTO removed_messages
       (id, account_id, sha256, thread_id, subject, from_name, from_address, recipients, date, direction, private, owner_agent_id, snippet, text_body, removed_at)
     SELECT m.id, m.account_id, m.sha256, m.thread_id, m.subject, m.from_name, m.from_address,
       (SELECT json_group_array(json_object('name', ma.name, 'address', a.address)) FROM message_addresses ma JOIN addresses a ON a.id = ma.address_id
        WHERE ma.message_id = m.id AND ma.role = 'to'),
       m.date, m.direction, m.private, m.owner_agent_id, m.snippet, m.text_body, @now
     FROM messages m WHERE m.id IN (SELECT value FROM json_each(@ids))
       AND EXISTS (SELECT 1 FROM message_links l WHERE l.message_id = m.id)
       AND NOT EXISTS (SELECT 1 FROM messages o WHERE o.sha256 = m.sha256 AND o.id NOT IN (SELECT value FROM json_each(@ids)))`,
  ).run({ ids: json, now: Date.now() });
  cached(
    sqlite,
    `INSERT OR IGNORE INTO removed_message_links (message_id, record_type, record_id, reason)
     SELECT l.message_id, l.record_type, l.record_id, l.reason FROM message_links l
     WHERE l.message_id IN (SELECT value FROM json_each(?)) AND l.message_id IN (SELECT id FROM removed_messages)`,
  ).run(json);
}

/**
 * The same bytes stored again (another mail client moved the email, the account was added back) take back the
 * links and notes the history kept — a hand-made link is not lost to a move made elsewhere.
 */
export function reviveFromHistory(sqlite: Database.Database, messageId: number, sha256: string): void {
  const kept = cached(sqlite, 'SELECT id FROM removed_messages WHERE sha256 = ? ORDER BY removed_at DESC LIMIT 1').get(sha256) as { id: number } | undefined;
  if (!kept) return;
  cached(sqlite, 'INSERT OR IGNORE INTO message_links (message_id, record_type, record_id, reason) SELECT ?, record_type, record_id, reason FROM removed_message_links WHERE message_id = ?')
    .run(messageId, kept.id);
  cached(sqlite, 'UPDATE notes SET message_id = ? WHERE message_id = ?').run(messageId, kept.id);
  cached(sqlite, 'DELETE FROM removed_messages WHERE id = ?').run(kept.id);
}

/** "Remove from history for good": the links go; an email already deleted from the mailbox goes entirely. */
export function purgeFromHistory(sqlite: Database.Database, messageId: number): boolean {
  const links = cached(sqlite, 'DELETE FROM message_links WHERE message_id = ?').run(messageId).changes;
  const kept = cached(sqlite, 'DELETE FROM removed_messages WHERE id = ?').run(messageId).changes;
  return links + kept > 0;
}
