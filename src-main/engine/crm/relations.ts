import type Database from 'better-sqlite3';
import type { NamedRecord, RecordRef, RecordType } from '../../../src-shared/contract/index.js';
import { cached } from '../store/statements.js';
import { assertRecord, recordNameSql } from './record-names.js';

/** The records a task, event, note… concerns, named. `kind` is the relating record's type ('note' included). */
export function relatedOf(sqlite: Database.Database, kind: string, ids: number[]): Map<number, NamedRecord[]> {
  const out = new Map<number, NamedRecord[]>();
  if (ids.length === 0) return out;
  const rows = cached(
    sqlite,
    `SELECT record_id, related_type, related_id, ${recordNameSql('related_type', 'related_id')} AS name FROM record_relations
     WHERE record_type = ? AND record_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, related_type, related_id`,
  ).all(kind, JSON.stringify(ids)) as Array<{ record_id: number; related_type: RecordType; related_id: number; name: string | null }>;
  for (const r of rows) out.set(r.record_id, [...(out.get(r.record_id) ?? []), { type: r.related_type, id: r.related_id, name: r.name ?? '' }]);
  return out;
}

export function relate(sqlite: Database.Database, kind: string, id: number, refs: RecordRef[]): void {
  const insert = cached(sqlite, 'INSERT OR IGNORE INTO record_relations (record_type, record_id, related_type, related_id) VALUES (?, ?, ?, ?)');
  for (const ref of refs) {
    if (ref.type === kind && ref.id === id) continue;
    assertRecord(sqlite, ref);
    insert.run(kind, id, ref.type, ref.id);
  }
}

export function unrelate(sqlite: Database.Database, kind: string, id: number, ref: RecordRef): void {
  cached(sqlite, 'DELETE FROM record_relations WHERE record_type = ? AND record_id = ? AND related_type = ? AND related_id = ?').run(kind, id, ref.type, ref.id);
}

/** Replaces the whole set of what a record concerns (an edit form's list). */
export function setRelated(sqlite: Database.Database, kind: string, id: number, refs: RecordRef[]): void {
  cached(sqlite, 'DELETE FROM record_relations WHERE record_type = ? AND record_id = ?').run(kind, id);
  relate(sqlite, kind, id, refs);
}

