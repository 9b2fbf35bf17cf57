import type Database from 'better-sqlite3';
import { sha256Hex } from '../blobs/blob-store.js';
import type { EventBus } from '../events.js';
import { commitWritten, prepareMessage, type IngestDeps, type PreparedMessage } from '../mail/ingest.js';
import type { FoldersRepo } from '../store/folders-repo.js';
import { cached } from '../store/statements.js';
import { ImportsRepo, type FolderCounts, type JobRow } from './imports-repo.js';
import { openReader, type SourceReader } from './source-reader.js';
import type { ImportItem } from './source.js';

export interface ImportDeps {
  sqlite: Database.Database;
  folders: FoldersRepo;
  ingest: IngestDeps;
  events: EventBus;
}

/** Progress goes out at most this often; the end of a job always does. */
const PROGRESS_MS = 250;

/** A folder name of the source as our tree can hold it: "/" separates paths here, so it is replaced. */
const folderName = (name: string) => name.replace(/\//g, '∕').trim() || '(unnamed)';

/**
 * Runs import jobs: reads the source batch by batch (on a worker thread, see source-reader.ts), de-duplicates, and
 * stores each batch with its checkpoint in one transaction, so a crash or a cancel resumes exactly after the last
 * stored batch and nothing is stored twice. Everything goes through the ingest path synced mail takes.
 */
export class ImportRunner {
  readonly repo: ImportsRepo;
  private readonly running = new Map<number, { cancelled: boolean; finished: Promise<void> }>();

  constructor(private readonly deps: ImportDeps) {
    this.repo = new ImportsRepo(deps.sqlite);
  }

  isRunning(id: number): boolean {
    return this.running.has(id);
  }

  /** Runs (or resumes) a job in the background; `finished` settles when it stops, whatever the outcome. */
  run(id: number): Promise<void> {
    const existing = this.running.get(id);
    if (existing) return existing.finished;
    const control = { cancelled: false, finished: Promise.resolve() };
    this.repo.setState(id, 'running');
    control.finished = this.loop(id, control).finally(() => this.running.delete(id));
    this.running.set(id, control);
    return control.finished;
  }

  cancel(id: number): void {
    const control = this.running.get(id);
    if (control) control.cancelled = true;
    else if (this.repo.get(id).state === 'interrupted') this.repo.setState(id, 'cancelled');
  }

  /** Stops every job after its current batch; they resume later from their checkpoint. */
  async stop(): Promise<void> {
    const jobs = [...this.running.entries()];
    for (const [, control] of jobs) control.cancelled = true;
    await Promise.all(jobs.map(([, c]) => c.finished));
    for (const [id] of jobs) if (this.repo.get(id).state === 'cancelled') this.repo.setState(id, 'interrupted');
  }

  private async loop(id: number, control: { cancelled: boolean }): Promise<void> {
    const job = this.repo.get(id);
    let reader: SourceReader | null = null;
    const progress = new Progress(this.deps.events, id);
    try {
      reader = await openReader(job.format, job.source_path, job.position);
      const total = await reader.count();
      this.repo.setTotal(id, total);
      let position = job.position;
      const folders = new FolderMap(this.deps, job);
      for (;;) {
        if (control.cancelled) {
          this.repo.setState(id, 'cancelled');
          progress.send('cancelled', position, total, '', true);
          return;
        }
        const batch = await reader.next();
        if (!batch) break;
        await this.store(job, position, batch.items, folders);
        position += batch.items.length;
        progress.send('running', position, total, batch.items.at(-1)?.folder.join('/') ?? '', false);
        if (batch.nonMail) this.repo.setState(id, 'running', { nonMail: batch.nonMail });
      }
      // Read to the end, the total is known even where the source could not say it up front.
      this.repo.setTotal(id, position);
      this.repo.setState(id, 'done');
      progress.send('done', position, position, '', true);
    } catch (error) {
      const message = (error as Error).message;
      this.repo.setState(id, 'failed', { error: message });
      progress.send('failed', this.repo.get(id).position, null, '', true);
    } finally {
      await reader?.close();
    }
  }

  /**
   * One batch: a message whose exact bytes are stored already (anywhere) is a duplicate; one whose Message-ID is
   * stored with other content is imported as a variant of it. Files are written first, then rows, report lines and
   * the checkpoint in one transaction.
   */
  private async store(job: JobRow, start: number, items: ImportItem[], folders: FolderMap): Promise<void> {
    const { sqlite, ingest } = this.deps;
    const counts = new Map<string, FolderCounts>();
    const seen = new Set<string>();
    const work: Array<{ item: ImportItem; position: number; path: string; prepared: Promise<PreparedMessage | null> | null; duplicate: boolean }> = [];
    const bySha = cached(sqlite, 'SELECT 1 FROM messages WHERE sha256 = ? LIMIT 1');
    const own = ownAddresses(sqlite);
    items.forEach((item, i) => {
      const path = item.folder.map(folderName).join('/');
      const folderId = folders.idOf(item.folder);
      const c = counts.get(path) ?? { folderId, found: 0, imported: 0, duplicates: 0, variants: 0, failed: 0 };
      counts.set(path, c);
      c.found++;
      if (!item.raw) {
        work.push({ item, position: start + i, path, prepared: null, duplicate: false });
        return;
      }
      const sha = sha256Hex(item.raw);
      const duplicate = seen.has(sha) || bySha.get(sha) !== undefined;
      seen.add(sha);
      const prepared = duplicate
        ? null
        : prepareMessage(ingest, item.raw, { folderId, accountId: null, direction: 'in', flags: { seen: true } }).then((p) => ('row' in p ? p : null));
      work.push({ item, position: start + i, path, prepared, duplicate });
    });
    const prepared = await Promise.all(work.map((w) => w.prepared));
    // Mail sent from one of this office's addresses was sent, wherever the export kept it.
    for (const p of prepared) if (p && own.has(p.row.addresses.from[0]?.address.toLowerCase() ?? '')) p.row.direction = 'out';
    await Promise.all(prepared.flatMap((p) => p?.writes ?? []));

    const byMessageId = cached(sqlite, 'SELECT id FROM messages WHERE message_id = ? ORDER BY id LIMIT 1');
    const markVariant = cached(sqlite, 'UPDATE messages SET variant_of = ? WHERE id = ?');
    const flag = cached(sqlite, 'UPDATE messages SET malformed = 1, malformed_reason = ? WHERE id = ?');
    const changed: number[] = [];
    sqlite.transaction(() => {
      work.forEach((w, i) => {
        const c = counts.get(w.path)!;
        const p = prepared[i];
        if (w.duplicate) {
          c.duplicates++;
          return;
        }
        if (!p) {
          c.failed++;
          this.repo.addFailure(job.id, { position: w.position, key: w.item.key, path: w.path, reason: w.item.failure ?? 'The item could not be read as a message.', messageId: null });
          return;
        }
        const original = p.row.messageId ? (byMessageId.get(p.row.messageId) as { id: number } | undefined) : undefined;
        const id = commitWritten(ingest, [p])[0]!.id;
        changed.push(id);
        if (w.item.failure) {
          // Bytes recovered from an item the reader could not fully read: kept, flagged with the reader's reason.
          flag.run(w.item.failure, id);
          c.failed++;
          this.repo.addFailure(job.id, { position: w.position, key: w.item.key, path: w.path, reason: w.item.failure, messageId: id });
          return;
        }
        if (original) {
          markVariant.run(original.id, id);
          c.variants++;
        }
        c.imported++;
      });
      this.repo.advance(job.id, start + items.length, counts);
    })();
    if (changed.length > 0) {
      this.deps.events.changed('messages', changed);
      this.deps.events.changed('folders', [...new Set([...counts.values()].map((c) => c.folderId))]);
    }
  }
}

function ownAddresses(sqlite: Database.Database): Set<string> {
  const rows = cached(sqlite, "SELECT lower(email) AS a FROM accounts UNION SELECT lower(email) FROM agents WHERE email IS NOT NULL AND email <> ''")
    .all() as Array<{ a: string }>;
  return new Set(rows.map((r) => r.a));
}

/** The source's folders, recreated under the job's target on first use (and found again on resume). */
class FolderMap {
  private readonly ids = new Map<string, number>();

  constructor(private readonly deps: ImportDeps, private readonly job: JobRow) {}

  idOf(names: string[]): number {
    let parent = this.job.target_folder_id!;
    const parentRow = this.deps.folders.get(parent);
    let key = '';
    for (const raw of names) {
      key += `/${folderName(raw)}`;
      const known = this.ids.get(key);
      if (known !== undefined) {
        parent = known;
        continue;
      }
      const name = folderName(raw);
      const found = cached(this.deps.sqlite, 'SELECT id FROM folders WHERE parent_id = ? AND name = ?').get(parent, name) as { id: number } | undefined;
      parent = found?.id ?? this.deps.folders.create(parent, name, parentRow.account_id);
      this.ids.set(key, parent);
      this.deps.events.changed('folders', [parent]);
    }
    return parent;
  }
}

class Progress {
  private last = 0;
  private readonly window: Array<{ at: number; done: number }> = [];

  constructor(private readonly events: EventBus, private readonly jobId: number) {}

  send(state: JobRow['state'], done: number, total: number | null, folder: string, force: boolean): void {
    const now = Date.now();
    this.window.push({ at: now, done });
    while (this.window.length > 2 && now - this.window[0]!.at > 5000) this.window.shift();
    if (!force && now - this.last < PROGRESS_MS) return;
    this.last = now;
    const first = this.window[0]!;
    const rate = now > first.at ? ((done - first.done) * 1000) / (now - first.at) : 0;
    this.events.emit('import.progress', { jobId: this.jobId, state, done, total, folder, rate: Math.round(rate * 10) / 10 });
    this.events.changed('imports', [this.jobId]);
  }
}
