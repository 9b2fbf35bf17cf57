import type Database from 'better-sqlite3';
import type { MessageSort, SortKey } from '../../../src-shared/contract/index.js';
import { SUMMARY_COLUMNS, type MessageRow } from './messages-repo.js';
import { cached } from './statements.js';
import { PERSON_NAME } from '../crm/record-names.js';

export interface ListQuery {
  folderIds: number[];
  /** Only this direction (the "last sent / received" views). */
  direction?: 'in' | 'out';
  /** Only the newest `cap` messages take part, then sorted as asked (the "last 1,000" views). */
  cap?: number;
  sort: MessageSort;
  /** Whose private messages may be sorted by their real subject; others sort as if their subject were empty. */
  agentId: number;
  limit: number;
  offset: number;
}

/** Sorting by a private subject would leak its place in the alphabet to agents who may not read it. */
const SUBJECT = `CASE WHEN private = 1 AND owner_agent_id IS NOT @agent THEN '' ELSE subject END COLLATE NOCASE`;

/** People sort by the name shown in their column, else their address; "to" by the first recipient. */
const FROM = `COALESCE(NULLIF(from_name, ''), from_address)`;
const TO = `(SELECT COALESCE(NULLIF(ma.name, ''), a.address) FROM message_addresses ma JOIN addresses a ON a.id = ma.address_id
  WHERE ma.message_id = messages.id AND ma.role = 'to' ORDER BY ma.position LIMIT 1)`;
/** Outgoing mail sorts by its first recipient, incoming by its sender, as the "From / To" column shows them. */
const CORRESPONDENT = `CASE direction WHEN 'out' THEN ${TO} ELSE ${FROM} END COLLATE NOCASE`;

/**
 * The name of the first record of a kind a message is filed under, as the list's column shows it; messages filed
 * under none sort after the others (U+10FFFF is after every name).
 */
const firstLinked = (type: 'contact' | 'company' | 'task', name: string, table: string) =>
  `COALESCE((SELECT ${name} FROM message_links l JOIN ${table} x ON x.id = l.record_id
    WHERE l.message_id = messages.id AND l.record_type = '${type}' ORDER BY l.created_at LIMIT 1), char(1114111)) COLLATE NOCASE`;

const SORT_EXPRESSIONS: Record<SortKey, string> = {
  date: 'date',
  subject: SUBJECT,
  correspondent: CORRESPONDENT,
  from: `${FROM} COLLATE NOCASE`,
  to: `${TO} COLLATE NOCASE`,
  size: 'size',
  flagged: 'flagged',
  seen: 'seen',
  attachment: 'has_attachments',
  direction: 'direction',
  category: `COALESCE(category, '') COLLATE NOCASE`,
  contact: firstLinked('contact', PERSON_NAME('x'), 'contacts'),
  company: firstLinked('company', 'x.name', 'companies'),
  task: firstLinked('task', 'x.title', 'crm_tasks'),
  linked: '(SELECT count(*) FROM message_links l WHERE l.message_id = messages.id)',
};

function orderBy(sort: MessageSort): string {
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  // Ties (same sender, same size…) fall back to newest first, so a sorted list still reads like a mailbox.
  return sort.by === 'date' ? `date ${dir}, id ${dir}` : `${SORT_EXPRESSIONS[sort.by]} ${dir}, date DESC, id DESC`;
}

/** The rows of a folder or view as a FROM clause; with a cap, the newest rows are chosen first and sorted after. */
function selection(q: Omit<ListQuery, 'limit' | 'offset'>) {
  // One folder is an equality, so a date-ordered list is read from the (folder_id, date, id) index alone.
  const folders = q.folderIds.length === 1 ? 'folder_id = @folder' : 'folder_id IN (SELECT value FROM json_each(@folders))';
  const where = `${folders}${q.direction ? ' AND direction = @direction' : ''}`;
  const params = { folder: q.folderIds[0] ?? 0, folders: JSON.stringify(q.folderIds), direction: q.direction ?? null, agent: q.agentId, cap: q.cap ?? -1 };
  const from = q.cap !== undefined
    ? `(SELECT id, date, subject, from_name, from_address, direction, size, flagged, seen, has_attachments, category, private, owner_agent_id
        FROM messages WHERE ${where} ORDER BY date DESC, id DESC LIMIT @cap) AS messages`
    : `messages WHERE ${where}`;
  return { from, params };
}

/**
 * The sorted ids of recent lists, so that scrolling fetches a page by its ids instead of sorting the folder again.
 * A list is good while the store is unchanged: `total_changes()` counts this connection's writes and `data_version`
 * moves when another process (the CLI) commits, so any write anywhere makes every list sort afresh once.
 */
const MAX_CACHED = 8;
const sortedLists = new WeakMap<Database.Database, Map<string, { version: string; ids: number[] }>>();

function storeVersion(sqlite: Database.Database): string {
  const changes = cached(sqlite, 'SELECT total_changes() AS n').get() as { n: number };
  return `${changes.n}:${sqlite.pragma('data_version', { simple: true }) as number}`;
}

/** Every id of a folder or view in list order: pages, "select all" and shift-click ranges over unloaded rows. */
export function listIds(sqlite: Database.Database, q: Omit<ListQuery, 'limit' | 'offset'>): number[] {
  if (q.folderIds.length === 0) return [];
  let lists = sortedLists.get(sqlite);
  if (!lists) sortedLists.set(sqlite, (lists = new Map()));
  const key = JSON.stringify([q.folderIds, q.direction ?? null, q.cap ?? null, q.sort.by, q.sort.dir, q.agentId]);
  const version = storeVersion(sqlite);
  const hit = lists.get(key);
  if (hit?.version === version) {
    // Most recently used last, so the oldest is the one dropped.
    lists.delete(key);
    lists.set(key, hit);
    return hit.ids;
  }
  const { from, params } = selection(q);
  const ids = cached(sqlite, `SELECT id FROM ${from} ORDER BY ${orderBy(q.sort)}`).pluck().all(params) as number[];
  lists.delete(key);
  lists.set(key, { version, ids });
  if (lists.size > MAX_CACHED) lists.delete(lists.keys().next().value!);
  return ids;
}

/**
 * A page of a folder or view: its ids from the sorted list (sorted once per change of the store: a 50,000-message
 * folder by subject takes tens of milliseconds, a page by id well under one), then those rows.
 */
export function listMessages(sqlite: Database.Database, q: ListQuery): { total: number; rows: MessageRow[] } {
  const ids = listIds(sqlite, q);
  const page = ids.slice(q.offset, q.offset + q.limit);
  if (page.length === 0) return { total: ids.length, rows: [] };
  const found = cached(sqlite, `SELECT ${SUMMARY_COLUMNS} FROM messages WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(page)) as MessageRow[];
  const byId = new Map(found.map((r) => [r.id, r]));
  return { total: ids.length, rows: page.map((id) => byId.get(id)).filter((r): r is MessageRow => r !== undefined) };
}

/** How many messages share each conversation, among the given folders (what the agent may see). */
export function conversationSizes(sqlite: Database.Database, threadIds: string[], folderIds: number[]): Map<string, number> {
  if (threadIds.length === 0) return new Map();
  const rows = cached(
    sqlite,
    `SELECT thread_id, count(*) AS n FROM messages WHERE thread_id IN (SELECT value FROM json_each(?))
     AND folder_id IN (SELECT value FROM json_each(?)) GROUP BY thread_id`,
  ).all(JSON.stringify([...new Set(threadIds)]), JSON.stringify(folderIds)) as Array<{ thread_id: string; n: number }>;
  return new Map(rows.map((r) => [r.thread_id, r.n]));
}

/** Which of these messages answer another (they name a parent in References or In-Reply-To). */
export function repliesAmong(sqlite: Database.Database, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = cached(sqlite, 'SELECT DISTINCT message_id FROM message_refs WHERE message_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as Array<{ message_id: number }>;
  return new Set(rows.map((r) => r.message_id));
}

/** Each message's first attachment that is not an image drawn inside the body. */
export function firstAttachments(sqlite: Database.Database, ids: number[]): Map<number, { contentType: string; filename: string }> {
  if (ids.length === 0) return new Map();
  const rows = cached(
    sqlite,
    `SELECT message_id, content_type, filename FROM attachments WHERE message_id IN (SELECT value FROM json_each(?))
     AND NOT (inline = 1 AND content_id IS NOT NULL) ORDER BY message_id, position`,
  ).all(JSON.stringify(ids)) as Array<{ message_id: number; content_type: string; filename: string }>;
  const out = new Map<number, { contentType: string; filename: string }>();
  for (const r of rows) if (!out.has(r.message_id)) out.set(r.message_id, { contentType: r.content_type, filename: r.filename });
  return out;
}
