import type Database from 'better-sqlite3';
import type { DocumentFile, DocumentFolder, RecordRef, RecordType } from '../../../src-shared/contract/index.js';
import { DOCUMENT_RESTORE_DAYS } from '../../../src-shared/contract/documents.js';
import { folderAndAncestors } from '../../../src-shared/domain/document-paths.js';
import { notFound } from '../errors.js';
import { cached } from '../store/statements.js';

export interface DocumentRow {
  id: number;
  record_type: RecordType;
  record_id: number;
  folder: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  added_by: number | null;
  source_message_id: number | null;
  source_subject: string | null;
  deleted_at: number | null;
  created_at: number;
}

interface ListedRow extends DocumentRow {
  agent_name: string | null;
  /** 1 when the source email is private to an agent other than the one asking. */
  source_hidden: number;
}

export type NewDocument = Pick<DocumentRow, 'folder' | 'name' | 'content_type' | 'size' | 'sha256' | 'added_by' | 'source_message_id' | 'source_subject'>;

export const RESTORE_MS = DOCUMENT_RESTORE_DAYS * 24 * 60 * 60 * 1000;

const LISTED = `SELECT d.*, a.name AS agent_name,
    coalesce(m.private = 1 AND m.owner_agent_id IS NOT @agent, 0) AS source_hidden
  FROM documents d LEFT JOIN agents a ON a.id = d.added_by LEFT JOIN messages m ON m.id = d.source_message_id`;

const iso = (ms: number) => new Date(ms).toISOString();

function toFile(r: ListedRow): DocumentFile {
  return {
    id: r.id,
    record: { type: r.record_type, id: r.record_id },
    name: r.name,
    folder: r.folder,
    size: r.size,
    contentType: r.content_type,
    createdAt: iso(r.created_at),
    addedBy: r.agent_name,
    source: r.source_subject === null ? null : { messageId: r.source_message_id, subject: r.source_hidden ? '' : r.source_subject },
    deletedAt: r.deleted_at === null ? null : iso(r.deleted_at),
  };
}

/**
 * `path` is `folder` or below it. Compared by prefix rather than LIKE, so that a folder named "50%_off" matches
 * only itself.
 */
const WITHIN = (column: string) => `(${column} = @path OR substr(${column}, 1, length(@path) + 1) = @path || '/')`;

/** A record's documents and its folder tree. Names are compared without case, as Windows and macOS do on disk. */
export class DocumentsRepo {
  constructor(private readonly sqlite: Database.Database) {}

  row(id: number): DocumentRow {
    const row = cached(this.sqlite, 'SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
    if (!row) throw notFound(`Document ${id}`);
    return row;
  }

  /** What a person sees of it: who added it, and the email's subject unless that email is private to someone else. */
  file(id: number, agentId: number): DocumentFile {
    const row = cached(this.sqlite, `${LISTED} WHERE d.id = @id`).get({ id, agent: agentId }) as ListedRow | undefined;
    if (!row) throw notFound(`Document ${id}`);
    return toFile(row);
  }

  files(record: RecordRef, agentId: number): { files: DocumentFile[]; deleted: DocumentFile[] } {
    const rows = cached(this.sqlite, `${LISTED} WHERE d.record_type = @type AND d.record_id = @rid AND (d.deleted_at IS NULL OR d.deleted_at >= @since)`).all({
      type: record.type,
      rid: record.id,
      agent: agentId,
      since: Date.now() - RESTORE_MS,
    }) as ListedRow[];
    const byPlace = (a: ListedRow, b: ListedRow) => a.folder.localeCompare(b.folder) || a.name.localeCompare(b.name) || a.id - b.id;
    return {
      files: rows.filter((r) => r.deleted_at === null).sort(byPlace).map(toFile),
      deleted: rows.filter((r) => r.deleted_at !== null).sort((a, b) => b.deleted_at! - a.deleted_at! || b.id - a.id).map(toFile),
    };
  }

  /** Every folder with its counts, parents first; a folder holding files is listed even without a row of its own. */
  folders(record: RecordRef, files: readonly DocumentFile[]): DocumentFolder[] {
    const paths = new Set(
      (cached(this.sqlite, 'SELECT path FROM document_folders WHERE record_type = ? AND record_id = ?').all(record.type, record.id) as Array<{ path: string }>).map(
        (r) => r.path,
      ),
    );
    const direct = new Map<string, number>();
    const total = new Map<string, number>();
    for (const f of files) {
      direct.set(f.folder, (direct.get(f.folder) ?? 0) + 1);
      for (const p of folderAndAncestors(f.folder)) {
        paths.add(p);
        total.set(p, (total.get(p) ?? 0) + 1);
      }
    }
    // Sorting name by name keeps each parent right before its children ("a" < "a/b" < "a b").
    const key = (p: string) => p.split('/');
    const compare = (a: string, b: string) => {
      const x = key(a);
      const y = key(b);
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = x[i]!.localeCompare(y[i]!);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    };
    return [...paths].sort(compare).map((path) => ({ path, files: direct.get(path) ?? 0, total: total.get(path) ?? 0 }));
  }

  /** Lower-cased names of the live files in a folder. */
  namesIn(record: RecordRef, folder: string, except?: number): Set<string> {
    const rows = cached(
      this.sqlite,
      'SELECT name FROM documents WHERE record_type = ? AND record_id = ? AND folder = ? AND deleted_at IS NULL AND id IS NOT ?',
    ).all(record.type, record.id, folder, except ?? null) as Array<{ name: string }>;
    return new Set(rows.map((r) => r.name.toLowerCase()));
  }

  /** The live file of that name in a folder (names compared without case), if any. */
  named(record: RecordRef, folder: string, name: string): DocumentRow | undefined {
    const rows = cached(this.sqlite, 'SELECT * FROM documents WHERE record_type = ? AND record_id = ? AND folder = ? AND deleted_at IS NULL').all(
      record.type,
      record.id,
      folder,
    ) as DocumentRow[];
    return rows.find((r) => r.name.toLowerCase() === name.toLowerCase());
  }

  folderExists(record: RecordRef, path: string): boolean {
    return path === '' || cached(this.sqlite, 'SELECT 1 FROM document_folders WHERE record_type = ? AND record_id = ? AND path = ?').get(record.type, record.id, path) !== undefined;
  }

  ensureFolder(record: RecordRef, path: string): void {
    const insert = cached(this.sqlite, 'INSERT OR IGNORE INTO document_folders (record_type, record_id, path) VALUES (?, ?, ?)');
    for (const p of folderAndAncestors(path)) insert.run(record.type, record.id, p);
  }

  insert(record: RecordRef, d: NewDocument): number {
    this.ensureFolder(record, d.folder);
    return Number(
      cached(
        this.sqlite,
        `INSERT INTO documents (record_type, record_id, folder, name, content_type, size, sha256, added_by, source_message_id, source_subject)
         VALUES (@record_type, @record_id, @folder, @name, @content_type, @size, @sha256, @added_by, @source_message_id, @source_subject)`,
      ).run({ record_type: record.type, record_id: record.id, ...d }).lastInsertRowid,
    );
  }

  place(id: number, folder: string, name: string): void {
    cached(this.sqlite, 'UPDATE documents SET folder = ?, name = ? WHERE id = ?').run(folder, name, id);
  }

  setDeleted(id: number, deletedAt: number | null): void {
    cached(this.sqlite, 'UPDATE documents SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
  }

  /**
   * Moves a folder's subtree: its folder rows and its files, deleted ones too (a restore then lands where the folder
   * went). Returns the ids of the files moved.
   */
  moveFolder(record: RecordRef, from: string, to: string): number[] {
    const params = { type: record.type, rid: record.id, path: from, to };
    const rewrite = (column: string) => `@to || substr(${column}, length(@path) + 1)`;
    cached(this.sqlite, `UPDATE document_folders SET path = ${rewrite('path')} WHERE record_type = @type AND record_id = @rid AND ${WITHIN('path')}`).run(params);
    const moved = cached(
      this.sqlite,
      `UPDATE documents SET folder = ${rewrite('folder')} WHERE record_type = @type AND record_id = @rid AND ${WITHIN('folder')} RETURNING id`,
    ).all(params) as Array<{ id: number }>;
    this.ensureFolder(record, to);
    return moved.map((r) => r.id);
  }

  /** Live files in the folder or below it. */
  countWithin(record: RecordRef, path: string): number {
    return (
      cached(this.sqlite, `SELECT count(*) AS n FROM documents WHERE record_type = @type AND record_id = @rid AND deleted_at IS NULL AND ${WITHIN('folder')}`).get({
        type: record.type,
        rid: record.id,
        path,
      }) as { n: number }
    ).n;
  }

  removeFolder(record: RecordRef, path: string): void {
    cached(this.sqlite, `DELETE FROM document_folders WHERE record_type = @type AND record_id = @rid AND ${WITHIN('path')}`).run({ type: record.type, rid: record.id, path });
  }

  /** Deleted documents past their restore window leave for good; the sweeper then frees blobs nothing else names. */
  purgeExpired(now = Date.now()): number {
    return cached(this.sqlite, 'DELETE FROM documents WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(now - RESTORE_MS).changes;
  }
}
