import type Database from 'better-sqlite3';
import type { RecordHit, RecordType } from '../../../src-shared/contract/index.js';
import { PERSON_NAME } from './record-names.js';
import { likeWords } from './sql-values.js';

export interface RecordSearch {
  query: string;
  types: RecordType[];
  openOnly: boolean;
  requesterId?: number | undefined;
  companyId?: number | undefined;
  category?: string | undefined;
  limit: number;
}

interface Source {
  from: string;
  name: string;
  detail: string;
  /** The text the words are looked for in. */
  text: string;
  open: string;
  /** Extra conditions from the search's filters: [sql, ...params]. */
  filters(q: RecordSearch): Array<[string, ...unknown[]]>;
}

const SOURCES: Record<RecordType, Source> = {
  contact: {
    from: 'contacts c LEFT JOIN companies co ON co.id = c.company_id',
    name: PERSON_NAME('c'),
    detail: "trim(coalesce(c.email, '') || CASE WHEN co.name IS NULL THEN '' ELSE ' · ' || co.name END, ' ·')",
    text: "c.first_name || ' ' || c.last_name || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.email2, '') || ' ' || coalesce(co.name, '')",
    open: '1',
    filters: (q) => (q.companyId ? [['c.company_id = ?', q.companyId]] : []),
  },
  company: {
    from: 'companies c',
    name: 'c.name',
    // Who works there says which "Dupont" this is, in any language.
    detail: `coalesce((SELECT group_concat(name, ', ') FROM (SELECT ${PERSON_NAME('x')} AS name FROM contacts x WHERE x.company_id = c.id AND x.deleted_at IS NULL ORDER BY x.id LIMIT 3)), '')`,
    text: 'c.name',
    open: '1',
    filters: () => [],
  },
  lead: {
    from: 'leads c',
    name: "CASE WHEN trim(c.first_name || ' ' || c.last_name) <> '' THEN trim(c.first_name || ' ' || c.last_name) WHEN c.company_name <> '' THEN c.company_name ELSE coalesce(c.email, '') END",
    detail: "trim(coalesce(c.email, '') || ' · ' || c.company_name, ' ·')",
    text: "c.first_name || ' ' || c.last_name || ' ' || coalesce(c.email, '') || ' ' || c.company_name",
    open: "c.status IN ('new', 'qualified')",
    filters: () => [],
  },
  deal: {
    from: 'deals c LEFT JOIN companies co ON co.id = c.company_id',
    name: 'c.title',
    detail: "coalesce(co.name, '')",
    text: "c.title || ' ' || coalesce(co.name, '')",
    open: "c.stage = 'open'",
    filters: (q) => (q.companyId ? [['c.company_id = ?', q.companyId]] : []),
  },
  ticket: {
    from: 'tickets c LEFT JOIN contacts r ON r.id = c.requester_id',
    name: "'#' || c.number || ' ' || c.subject",
    detail: `${PERSON_NAME('r')} || ' · ' || c.queue`,
    text: "'#' || c.number || ' ' || c.subject || ' ' || r.first_name || ' ' || r.last_name || ' ' || coalesce(r.email, '')",
    open: "c.status = 'open'",
    filters: (q) => [
      ...(q.requesterId ? [['c.requester_id = ?', q.requesterId] as [string, number]] : []),
      ...(q.companyId ? [['(c.company_id = ? OR r.company_id = ?)', q.companyId, q.companyId] as [string, number, number]] : []),
    ],
  },
  task: {
    from: 'crm_tasks c',
    name: 'c.title',
    detail: "trim(c.category || CASE WHEN c.due_at IS NULL THEN '' ELSE ' · ' || strftime('%Y-%m-%d', c.due_at / 1000, 'unixepoch') END, ' ·')",
    text: "c.title || ' ' || c.category",
    open: "c.status <> 'done'",
    filters: (q) => (q.category !== undefined ? [['c.category = ?', q.category]] : []),
  },
  event: {
    from: 'events c',
    name: 'c.title',
    detail: "strftime('%Y-%m-%d %H:%M', c.starts_at / 1000, 'unixepoch')",
    text: "c.title || ' ' || c.location",
    open: "coalesce(c.ends_at, c.starts_at) >= CAST(unixepoch('subsec') * 1000 AS INTEGER)",
    filters: () => [],
  },
};

/**
 * Records of the asked types whose text contains every word, for pickers ("link to…", "attach to ticket…"). A number
 * ("1042", "#1042") puts that ticket first. Filters that do not apply to a type leave it out (a requester filter
 * asks for tickets).
 */
export function searchRecords(sqlite: Database.Database, q: RecordSearch): RecordHit[] {
  const words = likeWords(q.query);
  const number = /^#?(\d{1,9})$/.exec(q.query.trim())?.[1];
  const parts: string[] = [];
  const params: unknown[] = [];
  q.types.forEach((type, rank) => {
    const s = SOURCES[type];
    if (q.requesterId && type !== 'ticket') return;
    const filters = s.filters(q);
    if (q.companyId && !['contact', 'deal', 'ticket'].includes(type)) return;
    const where = ['c.deleted_at IS NULL', ...(q.openOnly ? [s.open] : []), ...filters.map(([w]) => w), ...words.map(() => `fold(${s.text}) LIKE ? ESCAPE '\\'`)];
    const first = type === 'ticket' && number ? `CASE WHEN c.number = ${Number(number)} THEN 0 ELSE 1 END` : '1';
    parts.push(`SELECT * FROM (SELECT '${type}' AS type, c.id, ${s.name} AS name, ${s.detail} AS detail, (${s.open}) AS open, ${first} AS first, ${rank} AS rank
      FROM ${s.from} WHERE ${where.join(' AND ')} ORDER BY ${first}, fold(${s.name}) LIMIT ${q.limit})`);
    params.push(...filters.flatMap(([, ...v]) => v), ...words);
  });
  if (parts.length === 0) return [];
  const rows = sqlite.prepare(`SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY first, rank, fold(name) LIMIT ?`).all(...params, q.limit) as Array<{
    type: RecordType; id: number; name: string | null; detail: string | null; open: number;
  }>;
  return rows.map((r) => ({ type: r.type, id: r.id, name: r.name ?? '', detail: r.detail ?? '', open: r.open === 1 }));
}
