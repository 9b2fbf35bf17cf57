import type { MessageRow } from './messages-repo.js';
import type Database from 'better-sqlite3';
import type { ConversationKeys } from '../mail/conversation-keys.js';
import { THREAD_INDEX_ROOT_BYTES } from '../mail/conversation-keys.js';
import { cached } from './statements.js';

/**
 * Stores a message's conversation keys, in the transaction that inserts it; replies that name their parent, most
 * of the mail, have none to store. `date` is the message's own, or when it arrived.
 */
export function saveConversationKeys(sqlite: Database.Database, messageId: number, keys: ConversationKeys, date: Date): void {
  if (keys.threadIndex === null && keys.report === null && keys.subject === null) return;
  cached(
    sqlite,
    `INSERT INTO message_conversation (message_id, thread_index, report_kind, report_original, subject_key, subject_reply, date)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(messageId, keys.threadIndex, keys.report?.kind ?? null, keys.report?.original ?? null, keys.subject?.key ?? null,
    +(keys.subject?.reply ?? false), date.getTime());
}

/** A message's columns the tree shows, with its conversation keys. */
export interface ConversationRow
  extends Pick<MessageRow, 'id' | 'folder_id' | 'account_id' | 'message_id' | 'subject' | 'from_name' | 'from_address' | 'date' | 'direction' | 'seen' | 'private' | 'owner_agent_id' | 'thread_id'> {
  thread_index: string | null;
  report_kind: 'receipt' | 'delivery-report' | null;
  report_original: string | null;
  subject_key: string | null;
  subject_reply: number | null;
  /** message_conversation's date: the message's, or its arrival time. */
  key_date: number | null;
}

/** What the agent may see: messages in a folder at all, and a message's content (subject included). */
export interface ConversationViewer {
  folder(folderId: number): boolean;
  content(message: { private: number; owner_agent_id: number | null }): boolean;
}

export interface LoadedConversation {
  rows: ConversationRow[];
  /** Each member's References in order, then In-Reply-To (message_refs rows are written in that order). */
  refs: Map<number, string[]>;
  /** Keyless replies tied to a message by subject alone: child id → anchor id, both members. */
  subjectParents: Map<number, number>;
  /** The conversation was larger than the limit; the rest is left out. */
  truncated: boolean;
}

const SUBJECT_ROWS = `SELECT c.message_id AS id, c.date, m.folder_id, m.private, m.owner_agent_id FROM message_conversation c
  JOIN messages m ON m.id = c.message_id WHERE c.subject_key = ?`;

/** Every query the forum makes, each an index lookup or range read (tests/integration/forum-store.test.ts checks the plans). */
export const CONVERSATION_LOOKUPS = {
  rows: `SELECT m.id, m.folder_id, m.account_id, m.message_id, m.subject, m.from_name, m.from_address, m.date, m.direction,
    m.seen, m.private, m.owner_agent_id, m.thread_id, c.thread_index, c.report_kind, c.report_original, c.subject_key,
    c.subject_reply, c.date AS key_date FROM messages m LEFT JOIN message_conversation c ON c.message_id = m.id
    WHERE m.id IN (SELECT value FROM json_each(?))`,
  // rowid order is insertion order: References first to last, then In-Reply-To (MessagesRepo.insert).
  refs: 'SELECT message_id, ref FROM message_refs WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY message_id, rowid',
  byThread: 'SELECT id FROM messages WHERE thread_id IN (SELECT value FROM json_each(?))',
  byMessageId: 'SELECT id FROM messages WHERE message_id IN (SELECT value FROM json_each(?))',
  replies: 'SELECT message_id AS id FROM message_refs WHERE ref IN (SELECT value FROM json_each(?))',
  reports: 'SELECT message_id AS id FROM message_conversation WHERE report_original IN (SELECT value FROM json_each(?))',
  // Hex digits sort below "g", so every index that starts with the root lies in [root, root + "g").
  byThreadIndex: 'SELECT message_id AS id FROM message_conversation WHERE thread_index >= ? AND thread_index < ?',
  subjectReplies: `${SUBJECT_ROWS} AND c.subject_reply = 1 AND c.thread_index IS NULL AND c.date >= ? ORDER BY c.date, c.message_id LIMIT 20 OFFSET ?`,
  subjectOriginal: `${SUBJECT_ROWS} AND c.subject_reply = 0 AND c.date <= ? ORDER BY c.date DESC, c.message_id DESC LIMIT 20`,
} as const;

const ROOT_HEX = THREAD_INDEX_ROOT_BYTES * 2;

/**
 * Every message of the seed's conversation in a folder the viewer may see, found by index lookups from the seed
 * outwards until nothing new turns up: the same thread_id (References grouping at ingest), the same Message-ID
 * (copies in other folders and accounts), replies naming a member, the members' own parents, reports about a
 * member, and the same Thread-Index conversation. Only when those are exhausted does the subject get a say, and
 * only for messages without any key (see `subjectLinks`). Messages the agent may not see are never expanded
 * from, so they cannot join two conversations together either.
 */
export function loadConversation(
  sqlite: Database.Database,
  seedId: number,
  viewer: ConversationViewer,
  limit = 2000,
): LoadedConversation {
  const members = new Map<number, ConversationRow>();
  const refs = new Map<number, string[]>();
  const tried = new Set<number>();
  const done = { threads: new Set<string>(), ids: new Set<string>(), parents: new Set<string>(), indexes: new Set<string>(), subjects: new Set<number>() };
  const anchors = new Map<number, number>();
  let truncated = false;

  const admit = (ids: Iterable<number>): ConversationRow[] => {
    const fresh = [...new Set(ids)].filter((id) => !tried.has(id));
    if (fresh.length === 0) return [];
    const room = limit - members.size;
    if (fresh.length > room) truncated = true;
    const batch = fresh.slice(0, Math.max(0, room));
    for (const id of batch) tried.add(id);
    const rows = (cached(sqlite, CONVERSATION_LOOKUPS.rows).all(JSON.stringify(batch)) as ConversationRow[]).filter((r) => viewer.folder(r.folder_id));
    for (const r of rows) {
      members.set(r.id, r);
      refs.set(r.id, []);
    }
    const refRows = cached(sqlite, CONVERSATION_LOOKUPS.refs).all(JSON.stringify(rows.map((r) => r.id))) as Array<{ message_id: number; ref: string }>;
    for (const r of refRows) refs.get(r.message_id)!.push(r.ref);
    return rows;
  };

  let frontier = admit([seedId]);
  while (frontier.length > 0 && !truncated) {
    const found = strongNeighbours(sqlite, frontier, refs, done);
    frontier = admit(found);
    if (frontier.length === 0 && !truncated) {
      const wanted: number[] = [];
      for (const r of members.values()) {
        if (r.subject_key === null || done.subjects.has(r.id)) continue;
        done.subjects.add(r.id);
        for (const [child, anchor] of subjectLinks(sqlite, r, viewer)) {
          anchors.set(child, anchor);
          wanted.push(child, anchor);
        }
      }
      frontier = admit(wanted);
    }
  }

  const subjectParents = new Map([...anchors].filter(([child, anchor]) => members.has(child) && members.has(anchor)));
  return { rows: [...members.values()], refs, subjectParents, truncated };
}

type Done = { threads: Set<string>; ids: Set<string>; parents: Set<string>; indexes: Set<string> };

function strongNeighbours(sqlite: Database.Database, frontier: ConversationRow[], refs: Map<number, string[]>, done: Done): number[] {
  const fresh = (values: Iterable<string | null>, seen: Set<string>) => {
    const out: string[] = [];
    for (const v of values) {
      if (v === null || seen.has(v)) continue;
      seen.add(v);
      out.push(v);
    }
    return out;
  };
  const threads = fresh(frontier.map((r) => r.thread_id), done.threads);
  const ids = fresh(frontier.map((r) => r.message_id), done.ids);
  const parents = fresh(frontier.flatMap((r) => [...refs.get(r.id)!, r.report_original]), done.parents);
  const indexes = fresh(frontier.map((r) => r.thread_index?.slice(0, ROOT_HEX) ?? null), done.indexes);
  const json = JSON.stringify;
  const column = (sql: string, ...params: unknown[]) => (cached(sqlite, sql).all(...params) as Array<{ id: number }>).map((r) => r.id);
  const q = CONVERSATION_LOOKUPS;

  const found: number[] = [];
  if (threads.length) found.push(...column(q.byThread, json(threads)));
  // A member's copies elsewhere and its parents are both found by Message-ID.
  const named = [...ids, ...parents];
  if (named.length) found.push(...column(q.byMessageId, json(named)));
  if (ids.length) {
    found.push(...column(q.replies, json(ids)));
    found.push(...column(q.reports, json(ids)));
  }
  for (const root of indexes) found.push(...column(q.byThreadIndex, root, `${root}g`));
  return found;
}

/**
 * JWZ's subject grouping, narrowed: among messages with no key at all that share a subject, a reply ("Re:",
 * "TR:"…) without a Thread-Index hangs under the latest message of that subject that is not a reply and is not
 * newer than it. Messages that are not replies are never grouped with each other: two mails both titled
 * "Invoice" are usually unrelated. Returns the links `member` takes part in (child id → anchor id): its own
 * anchor if it is such a reply, else the replies that hang under it. Each is one or two index range reads,
 * however many messages share the subject. Messages whose content the viewer may not see take no part: a link
 * by subject would tell their subject.
 */
function subjectLinks(sqlite: Database.Database, member: ConversationRow, viewer: ConversationViewer): Array<[number, number]> {
  const key = member.subject_key!;
  const date = member.key_date!;
  if (!viewer.content(member)) return [];
  if (member.subject_reply === 1) {
    if (member.thread_index !== null) return [];
    const anchor = anchorOf(sqlite, key, date, viewer);
    return anchor ? [[member.id, anchor.id]] : [];
  }
  const links: Array<[number, number]> = [];
  const page = cached(sqlite, CONVERSATION_LOOKUPS.subjectReplies);
  for (let offset = 0; offset < SUBJECT_REPLIES_MAX; offset += 20) {
    const replies = page.all(key, date, offset) as SubjectRow[];
    for (const reply of replies) {
      if (!seenBy(viewer, reply)) continue;
      const anchor = anchorOf(sqlite, key, reply.date, viewer);
      // Replies come oldest first: once a later original is theirs, so is every one after.
      if (anchor && anchor.id !== member.id && anchor.date > date) return links;
      if (anchor?.id === member.id) links.push([reply.id, member.id]);
    }
    if (replies.length < 20) break;
  }
  return links;
}

type SubjectRow = { id: number; date: number; folder_id: number; private: number; owner_agent_id: number | null };

const seenBy = (viewer: ConversationViewer, r: SubjectRow) => viewer.folder(r.folder_id) && viewer.content(r);
/** How many keyless replies one message may gather by subject; beyond that the subject says too little. */
const SUBJECT_REPLIES_MAX = 200;

/** The latest original (not a reply) of this subject dated at or before `date` that the viewer may read. */
function anchorOf(sqlite: Database.Database, key: string, date: number, viewer: ConversationViewer): SubjectRow | undefined {
  const rows = cached(sqlite, CONVERSATION_LOOKUPS.subjectOriginal).all(key, date) as SubjectRow[];
  return rows.find((r) => seenBy(viewer, r));
}
