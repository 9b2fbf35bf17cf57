import type Database from 'better-sqlite3';
import type { SearchField } from '../../../src-shared/contract/index.js';
import { missingCase } from '../../../src-shared/domain/exhaustive.js';
import type { MessageRow } from './messages-repo.js';

export interface SearchRequest {
  terms: string[];
  field: SearchField;
  /** Folders to search in; null means every folder in `visibleFolders`. */
  folderIds: number[];
  agentId: number;
  since?: number | undefined;
  until?: number | undefined;
  limit: number;
  offset: number;
}

const SUMMARY = `m.id, m.folder_id, m.account_id, m.message_id, m.subject, m.from_name, m.from_address, m.date, m.direction, m.seen,
  m.flagged, m.answered, m.draft, m.junk, m.mdn_sent, m.malformed, m.malformed_reason, m.category, m.private, m.owner_agent_id, m.thread_id,
  m.size, NULL AS source, m.source_blob, m.source_format, NULL AS text_body, NULL AS html_body, m.snippet, m.has_attachments`;

/** An FTS5 string literal: the term is matched as given, whatever characters it holds (quotes doubled). */
const literal = (term: string) => `"${term.replace(/"/g, '""')}"`;
const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Every term must match (AND). The trigram index answers "contains" for terms of 3 characters or more; shorter
 * terms fall back to LIKE on the message row (a scan of the folder's rows, cheap at that length of term).
 */
export function searchMessages(sqlite: Database.Database, r: SearchRequest): { rows: MessageRow[]; more: boolean } {
  const where: string[] = ['m.folder_id IN (SELECT value FROM json_each(@folders))', '(m.private = 0 OR m.owner_agent_id = @agent)'];
  const params: Record<string, unknown> = { folders: JSON.stringify(r.folderIds), agent: r.agentId, limit: r.limit + 1, offset: r.offset };
  r.terms.forEach((term, i) => {
    params[`t${i}`] = term;
    params[`q${i}`] = literal(term);
    params[`l${i}`] = like(term);
    where.push(`(${condition(r.field, i, term.length >= 3)})`);
  });
  if (r.since !== undefined) {
    where.push('m.date >= @since');
    params.since = r.since;
  }
  if (r.until !== undefined) {
    where.push('m.date < @until');
    params.until = r.until;
  }
  if (r.field === 'unknown-sender') {
    where.push(`m.direction = 'in' AND m.from_address <> '' AND NOT EXISTS (SELECT 1 FROM contacts c WHERE (c.email = m.from_address OR c.email2 = m.from_address) AND c.deleted_at IS NULL)`);
  }
  // Two steps: the matching ids in date order touch only the first columns of each row; the summary columns,
  // stored after the bodies, are read for the page of results alone (reading them for every match costs ~10×).
  const ids = (sqlite.prepare(`SELECT m.id FROM messages m WHERE ${where.join(' AND ')} ORDER BY m.date DESC, m.id DESC LIMIT @limit OFFSET @offset`)
    .all(params) as Array<{ id: number }>).map((row) => row.id);
  const page = ids.slice(0, r.limit);
  const byId = new Map((sqlite.prepare(`SELECT ${SUMMARY} FROM messages m WHERE m.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(page)) as MessageRow[]).map((row) => [row.id, row]));
  return { rows: page.map((id) => byId.get(id)!), more: ids.length > r.limit };
}

function condition(field: SearchField, i: number, trigram: boolean): string {
  // One rowid set per term, so SQLite looks each match up in messages_search_cover and sorts only the matches.
  const tri = (columns: string) => `SELECT rowid FROM messages_trigram WHERE messages_trigram MATCH '{${columns}} : ' || @q${i}`;
  const words = `SELECT rowid FROM messages_fts WHERE messages_fts MATCH @q${i} || ' *'`;
  const likeAny = (...columns: string[]) => columns.map((c) => `${c} LIKE @l${i} ESCAPE '\\'`).join(' OR ');
  switch (field) {
    case 'subject-sender':
    case 'unknown-sender':
      return trigram ? `m.id IN (${tri('subject sender')})` : likeAny('m.subject', 'm.from_name', 'm.from_address');
    case 'subject-people':
      return trigram ? `m.id IN (${tri('subject people')})` : likeAny('m.subject', 'm.from_name', 'm.from_address');
    case 'fulltext':
      return trigram ? `m.id IN (${tri('subject people attachments')} UNION ${words})` : `m.id IN (${words}) OR ${likeAny('m.subject', 'm.from_name', 'm.from_address')}`;
    case 'attachment':
      return trigram
        ? `m.id IN (${tri('attachments')})`
        : `EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id AND ${likeAny('a.filename')})`;
    case 'category':
      return likeAny('m.category');
    default:
      return missingCase(field);
  }
}
