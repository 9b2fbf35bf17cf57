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
  if (r.field === 'unknown-sender') {
    where.push(`m.direction = 'in' AND m.from_address <> '' AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.email = m.from_address OR c.email2 = m.from_address)`);
  }
  const sql = `SELECT ${SUMMARY} FROM messages m WHERE ${where.join(' AND ')} ORDER BY m.date DESC, m.id DESC LIMIT @limit OFFSET @offset`;
  const rows = sqlite.prepare(sql).all(params) as MessageRow[];
  return { rows: rows.slice(0, r.limit), more: rows.length > r.limit };
}

function condition(field: SearchField, i: number, trigram: boolean): string {
  const tri = (columns: string) => `m.id IN (SELECT rowid FROM messages_trigram WHERE messages_trigram MATCH '{${columns}} : ' || @q${i})`;
  const words = `m.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH @q${i} || ' *')`;
  const subjectOrSender = `m.subject LIKE @l${i} ESCAPE '\\' OR m.from_name LIKE @l${i} ESCAPE '\\' OR m.from_address LIKE @l${i} ESCAPE '\\'`;
  switch (field) {
    case 'subject-sender':
    case 'unknown-sender':
      return trigram ? `${tri('subject')} OR m.from_name LIKE @l${i} ESCAPE '\\' OR m.from_address LIKE @l${i} ESCAPE '\\'` : subjectOrSender;
    case 'subject-people':
      return trigram ? tri('subject people') : subjectOrSender;
    case 'fulltext':
      return trigram ? `${tri('subject people attachments')} OR ${words}` : `${subjectOrSender} OR ${words}`;
    case 'attachment':
      return trigram
        ? tri('attachments')
        : `EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id AND a.filename LIKE @l${i} ESCAPE '\\')`;
    case 'category':
      return `m.category LIKE @l${i} ESCAPE '\\'`;
    default:
      return missingCase(field);
  }
}
