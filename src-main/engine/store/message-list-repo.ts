import type Database from 'better-sqlite3';
import type { MessageSort, SortKey } from '../../../src-shared/contract/index.js';
import { SUMMARY_COLUMNS, type MessageRow } from './messages-repo.js';
import { cached } from './statements.js';

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
};

function orderBy(sort: MessageSort): string {
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  // Ties (same sender, same size…) fall back to newest first, so a sorted list still reads like a mailbox.
  return sort.by === 'date' ? `date ${dir}, id ${dir}` : `${SORT_EXPRESSIONS[sort.by]} ${dir}, date DESC, id DESC`;
}

/** The rows of a folder or view as a FROM clause; with a cap, the newest rows are chosen first and sorted after. */
function selection(q: Omit<ListQuery, 'limit' | 'offset'>) {
  const where = `folder_id IN (SELECT value FROM json_each(@folders))${q.direction ? ' AND direction = @direction' : ''}`;
  const params = { folders: JSON.stringify(q.folderIds), direction: q.direction ?? null, agent: q.agentId, cap: q.cap ?? -1 };
  const from = q.cap !== undefined
    ? `(SELECT ${SUMMARY_COLUMNS} FROM messages WHERE ${where} ORDER BY date DESC, id DESC LIMIT @cap) AS messages`
    : `messages WHERE ${where}`;
  return { from, params };
}

/**
 * A page of a folder or view. One folder in date order walks the (folder_id, date, id) index; other orders sort the
 * folder's rows, which for 50,000 rows stays within a few tens of milliseconds (see `npm run bench -- ui`).
 */
export function listMessages(sqlite: Database.Database, q: ListQuery): { total: number; rows: MessageRow[] } {
  if (q.folderIds.length === 0) return { total: 0, rows: [] };
  const { from, params } = selection(q);
  const total = (cached(sqlite, `SELECT count(*) AS n FROM ${from}`).get(params) as { n: number }).n;
  const columns = q.cap !== undefined ? '*' : SUMMARY_COLUMNS;
  const rows = cached(sqlite, `SELECT ${columns} FROM ${from} ORDER BY ${orderBy(q.sort)} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as MessageRow[];
  return { total, rows };
}

/** Every id of a folder or view in list order: "select all" and shift-click ranges need rows not loaded yet. */
export function listIds(sqlite: Database.Database, q: Omit<ListQuery, 'limit' | 'offset'>): number[] {
  if (q.folderIds.length === 0) return [];
  const { from, params } = selection(q);
  return cached(sqlite, `SELECT id FROM ${from} ORDER BY ${orderBy(q.sort)}`).pluck().all(params) as number[];
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
