import type Database from 'better-sqlite3';
import type { ImportJob, ImportReport } from '../../../src-shared/contract/index.js';
import { notFound } from '../errors.js';
import { cached } from '../store/statements.js';
import type { NonMailCounts } from './source.js';

export interface JobRow {
  id: number;
  agent_id: number | null;
  source_path: string;
  format: ImportJob['format'];
  target_folder_id: number | null;
  state: ImportJob['state'];
  position: number;
  total: number | null;
  non_mail: string | null;
  error: string | null;
  created_at: number;
  finished_at: number | null;
}

/** One source folder's counts in a batch, added to the report in the batch's transaction. */
export interface FolderCounts {
  folderId: number;
  found: number;
  imported: number;
  duplicates: number;
  variants: number;
  failed: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export class ImportsRepo {
  constructor(private readonly sqlite: Database.Database) {}

  get(id: number): JobRow {
    const row = cached(this.sqlite, 'SELECT * FROM import_jobs WHERE id = ?').get(id) as JobRow | undefined;
    if (!row) throw notFound(`Import ${id}`);
    return row;
  }

  all(): JobRow[] {
    return cached(this.sqlite, 'SELECT * FROM import_jobs ORDER BY id DESC').all() as JobRow[];
  }

  /** The latest job that read this source, finished or not. */
  latestFor(sourcePath: string): JobRow | undefined {
    return cached(this.sqlite, 'SELECT * FROM import_jobs WHERE source_path = ? ORDER BY id DESC LIMIT 1').get(sourcePath) as JobRow | undefined;
  }

  create(values: { agentId: number; sourcePath: string; format: JobRow['format']; targetFolderId: number }): JobRow {
    return cached(this.sqlite, "INSERT INTO import_jobs (agent_id, source_path, format, target_folder_id, state) VALUES (?, ?, ?, ?, 'running') RETURNING *")
      .get(values.agentId, values.sourcePath, values.format, values.targetFolderId) as JobRow;
  }

  setState(id: number, state: JobRow['state'], extra: { error?: string | null; nonMail?: NonMailCounts | null } = {}): void {
    const finished = state === 'done' || state === 'cancelled' || state === 'failed';
    cached(this.sqlite, `UPDATE import_jobs SET state = ?, error = coalesce(?, error), non_mail = coalesce(?, non_mail),
      finished_at = CASE WHEN ? THEN unixepoch('subsec') * 1000 ELSE NULL END WHERE id = ?`)
      .run(state, extra.error ?? null, extra.nonMail ? JSON.stringify(extra.nonMail) : null, +finished, id);
  }

  setTotal(id: number, total: number | null): void {
    cached(this.sqlite, 'UPDATE import_jobs SET total = ? WHERE id = ?').run(total, id);
  }

  /** A crash leaves jobs "running" with nobody running them: they wait to be resumed. */
  markInterrupted(): number {
    return cached(this.sqlite, "UPDATE import_jobs SET state = 'interrupted' WHERE state = 'running'").run().changes;
  }

  /** The checkpoint and the report's counts; called inside the batch's transaction. */
  advance(id: number, position: number, folders: Map<string, FolderCounts>): void {
    cached(this.sqlite, 'UPDATE import_jobs SET position = ? WHERE id = ?').run(position, id);
    const add = cached(this.sqlite, `INSERT INTO import_job_folders (job_id, path, folder_id, found, imported, duplicates, variants, failed)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id, path) DO UPDATE SET found = found + excluded.found,
      imported = imported + excluded.imported, duplicates = duplicates + excluded.duplicates,
      variants = variants + excluded.variants, failed = failed + excluded.failed`);
    for (const [path, c] of folders) add.run(id, path, c.folderId, c.found, c.imported, c.duplicates, c.variants, c.failed);
  }

  addFailure(id: number, f: { position: number; key: string; path: string; reason: string; messageId: number | null }): void {
    cached(this.sqlite, 'INSERT OR REPLACE INTO import_failures (job_id, position, item_key, path, reason, message_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, f.position, f.key, f.path, f.reason, f.messageId);
  }

  toJob(r: JobRow): ImportJob {
    return {
      id: r.id, sourcePath: r.source_path, format: r.format, targetFolderId: r.target_folder_id, state: r.state, done: r.position,
      total: r.total, nonMail: r.non_mail ? (JSON.parse(r.non_mail) as NonMailCounts) : null, error: r.error,
      createdAt: iso(r.created_at)!, finishedAt: iso(r.finished_at),
    };
  }

  report(id: number): ImportReport {
    const folders = cached(this.sqlite, 'SELECT * FROM import_job_folders WHERE job_id = ? ORDER BY path').all(id) as Array<{
      path: string; folder_id: number | null; found: number; imported: number; duplicates: number; variants: number; failed: number;
    }>;
    const failures = cached(this.sqlite, 'SELECT * FROM import_failures WHERE job_id = ? ORDER BY position').all(id) as Array<{
      position: number; item_key: string; path: string; reason: string; message_id: number | null;
    }>;
    return {
      ...this.toJob(this.get(id)),
      folders: folders.map((f) => ({ path: f.path, folderId: f.folder_id, found: f.found, imported: f.imported, duplicates: f.duplicates, variants: f.variants, failed: f.failed })),
      failures: failures.map((f) => ({ position: f.position, key: f.item_key, path: f.path, reason: f.reason, messageId: f.message_id })),
    };
  }
}
