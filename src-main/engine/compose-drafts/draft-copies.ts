import { ingestMessage } from '../mail/ingest.js';
import type { ServiceDeps } from '../services/handler.js';
import { cached } from '../store/statements.js';
import { draftFiles } from '../compose/draft-files.js';
import { buildDraftMime, draftMessageId } from './draft-mime.js';
import { toSaved, type DraftsRepo } from './drafts-repo.js';

export type CopyDeps = Pick<ServiceDeps, 'store' | 'blobs' | 'messages' | 'folders' | 'accounts' | 'access' | 'changes' | 'events' | 'sync' | 'sourceOf' | 'pool'>;

export interface CopyTiming {
  /** A first copy this soon after a save. */
  firstDelayMs: number;
  /** Then at most one copy per interval while saves go on: a copy means a MIME build, a parse and an upload. */
  intervalMs: number;
}

export const DEFAULT_COPY_TIMING: CopyTiming = { firstDelayMs: 2_000, intervalMs: 30_000 };

/**
 * Keeps each draft's MIME copy in its account's Drafts folder (Local Folders' Drafts when the account has none on a
 * server), coalescing the composer's frequent saves: the JSON row is the truth and is written on every save; the
 * copy follows, at most once per interval, and is written for every pending draft when the engine closes. A quit
 * before that leaves the copy stale; `catchUp` rewrites those at the next start.
 */
export class DraftCopies {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly lastWrite = new Map<number, number>();
  /** Per draft, the copy work in progress: writes and removals of one draft never interleave. */
  private readonly work = new Map<number, Promise<void>>();
  private closed = false;

  constructor(
    private readonly deps: CopyDeps,
    private readonly repo: DraftsRepo,
    private readonly timing: CopyTiming = DEFAULT_COPY_TIMING,
  ) {}

  /** A save happened: the copy will follow (a pending write reads the newest JSON when it runs). */
  schedule(draftId: number): void {
    if (this.closed || this.timers.has(draftId)) return;
    const since = Date.now() - (this.lastWrite.get(draftId) ?? 0);
    const delay = Math.max(this.timing.firstDelayMs, this.timing.intervalMs - since);
    const timer = setTimeout(() => {
      this.timers.delete(draftId);
      void this.write(draftId);
    }, delay);
    timer.unref();
    this.timers.set(draftId, timer);
  }

  /** Writes the copy now (after any work in progress for this draft). */
  write(draftId: number): Promise<void> {
    this.cancelTimer(draftId);
    return this.serial(draftId, async () => {
      try {
        await this.writeCopy(draftId);
      } catch (error) {
        // The JSON is saved; the copy is a convenience for other clients and is retried with the next save or start.
        console.error(`Facteur engine: the Drafts copy of draft ${draftId} could not be written:`, error);
      }
    });
  }

  /** The draft is going (deleted, or sent): its copies go, wherever a copy of it sits in a Drafts folder. */
  removeCopies(draftId: number, createdAt: number): Promise<void> {
    this.cancelTimer(draftId);
    this.lastWrite.delete(draftId);
    return this.serial(draftId, async () => {
      const folders = this.deps.store.sqlite.transaction(() => this.dropCopies(copiesOf(this.deps, draftMessageId(draftId, createdAt), null)))();
      if (folders.length > 0) this.deps.events.changed('folders', folders);
    });
  }

  /** Drafts saved since their copy was written (the app quit in between): written again, one after another. */
  async catchUp(): Promise<void> {
    for (const id of this.repo.staleCopies()) {
      if (this.closed) return;
      await this.write(id);
    }
  }

  /** Writes every pending copy, then refuses new work: the store is about to close. */
  async close(): Promise<void> {
    const pending = [...this.timers.keys()];
    for (const id of pending) void this.write(id);
    this.closed = true;
    await Promise.all(this.work.values());
  }

  private cancelTimer(draftId: number): void {
    const timer = this.timers.get(draftId);
    if (timer) clearTimeout(timer);
    this.timers.delete(draftId);
  }

  private serial(draftId: number, job: () => Promise<void>): Promise<void> {
    const next = (this.work.get(draftId) ?? Promise.resolve()).then(job);
    this.work.set(draftId, next);
    void next.finally(() => {
      if (this.work.get(draftId) === next) this.work.delete(draftId);
    });
    return next;
  }

  private async writeCopy(draftId: number): Promise<void> {
    const row = this.repo.find(draftId);
    if (!row) return;
    const { draft } = toSaved(row);
    const { deps } = this;
    // Its account was removed since: the draft stays (the composer offers another account), with no copy.
    const account = deps.accounts.list().find((a) => a.id === draft.accountId);
    if (!account) return;
    const folder = deps.folders.accountFolderOfKind(account.id, 'drafts') ?? deps.folders.localByKind('drafts');
    const messageId = draftMessageId(row.id, row.created_at);
    const files = draftFiles(deps, row.agent_id);
    const from = { name: account.name === account.email ? '' : account.name, address: account.email };
    const raw = await buildDraftMime(draft, from, messageId, draft.attachments.map((a) => files.load(a)));
    // A copy with its files is megabytes of MIME: parsed on the pool's threads, not on the engine's event loop.
    const stored = await ingestMessage({ sqlite: deps.store.sqlite, blobs: deps.blobs, messages: deps.messages, ...(deps.pool ? { pool: deps.pool } : {}) }, raw, {
      folderId: folder.id,
      accountId: folder.account_id,
      direction: 'out',
      flags: { seen: true, draft: true },
      ownerAgentId: row.agent_id,
    });
    const sqlite = deps.store.sqlite;
    const touched = sqlite.transaction(() => {
      // Work in progress is not correspondence: no record's history lists it, and colleagues see only that it exists.
      cached(sqlite, 'DELETE FROM message_links WHERE message_id = ?').run(stored.id);
      // Its time is that of the save it shows, so a save made while it was being built leaves it stale (staleCopies).
      cached(sqlite, 'UPDATE messages SET private = 1, owner_agent_id = ?, received_at = ? WHERE id = ?').run(row.agent_id, row.saved_at, stored.id);
      const current = this.repo.find(draftId);
      const olds = copiesOf(deps, messageId, stored.id);
      if (!current) olds.push(stored.id); // deleted while this copy was being built
      const folders = this.dropCopies(olds);
      if (!current) return folders;
      this.repo.setCopy(draftId, stored.id);
      if (!stored.duplicate) deps.changes.upload([stored.id], folder.id);
      return [...folders, folder.id];
    })();
    this.lastWrite.set(draftId, Date.now());
    deps.events.changed('messages', [stored.id]);
    deps.events.changed('folders', touched);
    if (folder.account_id !== null) deps.sync.wake([folder.account_id]);
  }

  /** Removes copies the normal way (the server's copy is expunged by the sync engine); returns their folders. */
  private dropCopies(ids: number[]): number[] {
    if (ids.length === 0) return [];
    const sqlite = this.deps.store.sqlite;
    const json = JSON.stringify(ids);
    const rows = cached(sqlite, 'SELECT id, folder_id FROM messages WHERE id IN (SELECT value FROM json_each(?))').all(json) as Array<{ id: number; folder_id: number }>;
    // A copy still waiting for its upload goes with its upload: otherwise the task would find no message and report
    // a conflict to the person for every coalesced save made offline.
    cached(sqlite, "DELETE FROM tasks WHERE state = 'queued' AND kind = 'imap.append' AND json_extract(payload, '$.messageId') IN (SELECT value FROM json_each(?))").run(json);
    cached(sqlite, 'DELETE FROM message_links WHERE message_id IN (SELECT value FROM json_each(?))').run(json);
    if (rows.length > 0) this.deps.changes.delete(rows.map((r) => r.id), true);
    return [...new Set(rows.map((r) => r.folder_id))];
  }
}

/**
 * A draft's copies: every message in a Drafts folder with its Message-ID (except `keep`). One moved elsewhere by
 * the person is theirs to keep.
 */
function copiesOf(deps: CopyDeps, messageId: string, keep: number | null): number[] {
  const rows = cached(
    deps.store.sqlite,
    `SELECT m.id FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.message_id = ? AND f.kind = 'drafts'`,
  ).all(messageId) as Array<{ id: number }>;
  return rows.map((r) => r.id).filter((id) => id !== keep);
}
