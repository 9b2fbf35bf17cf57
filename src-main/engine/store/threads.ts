import { cached } from './statements.js';
import type Database from 'better-sqlite3';

/**
 * Picks the thread a new message joins: the thread of any message it references (References, In-Reply-To), or of
 * any message already stored that references it (a parent arriving after its replies). When both exist and differ
 * the two threads are merged. A message with no relatives starts a thread named after its own Message-ID.
 * Subject-based grouping and Outlook's Thread-Index are left to the forum view, which can afford a fuller JWZ pass.
 */
export function resolveThread(sqlite: Database.Database, messageId: string | null, refs: string[], sha256: string): string {
  const found = new Set<string>();
  if (refs.length > 0) {
    const rows = cached(sqlite, 'SELECT DISTINCT thread_id FROM messages WHERE message_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(refs)) as Array<{ thread_id: string }>;
    for (const r of rows) found.add(r.thread_id);
  }
  if (messageId) {
    const rows = cached(sqlite, 'SELECT DISTINCT m.thread_id FROM message_refs r JOIN messages m ON m.id = r.message_id WHERE r.ref = ?')
      .all(messageId) as Array<{ thread_id: string }>;
    for (const r of rows) found.add(r.thread_id);
  }
  const [first, ...others] = [...found].sort();
  if (!first) return messageId ?? `sha256:${sha256}`;
  if (others.length > 0) {
    cached(sqlite, 'UPDATE messages SET thread_id = ? WHERE thread_id IN (SELECT value FROM json_each(?))').run(first, JSON.stringify(others));
  }
  return first;
}
