import { searchFold } from '../store/text-functions.js';

/** Dates are stored as epoch milliseconds and travel as ISO strings. */
export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
export const isoNotNull = (ms: number): string => new Date(ms).toISOString();
export const msOf = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

/** "contains" over the words people type: every word must be in the searched text. */
export function likeWords(query: string): string[] {
  return searchFold(query).split(/\s+/).filter(Boolean).slice(0, 5).map((w) => `%${w.replace(/[%_\\]/g, '\\$&')}%`);
}

/** One page of a filtered list and the count of the whole list, from the same conditions. */
export function pageOf<Row>(
  sqlite: import('better-sqlite3').Database,
  q: { select: string; from: string; where: string[]; params: unknown[]; order: string; limit: number; offset: number },
): { rows: Row[]; total: number } {
  const where = q.where.length > 0 ? `WHERE ${q.where.join(' AND ')}` : '';
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM ${q.from} ${where}`).get(...q.params) as { n: number }).n;
  const rows = sqlite.prepare(`SELECT ${q.select} FROM ${q.from} ${where} ORDER BY ${q.order} LIMIT ? OFFSET ?`).all(...q.params, q.limit, q.offset) as Row[];
  return { rows, total };
}

/** The conditions for "every word is in this text" over a SQL expression. */
export function wordConditions(expression: string, query: string): { where: string[]; params: string[] } {
  const params = likeWords(query);
  return { where: params.map(() => `fold(${expression}) LIKE ? ESCAPE '\\'`), params };
}
