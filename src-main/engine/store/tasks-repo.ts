import { cached } from './statements.js';
import type Database from 'better-sqlite3';

export type TaskPayload =
  | { kind: 'imap.flags'; folderId: number; uids: number[]; add: string[]; remove: string[] }
  | { kind: 'imap.move'; fromFolderId: number; toFolderId: number; uids: number[]; messageIds: number[] }
  | { kind: 'imap.expunge'; folderId: number; uids: number[] }
  | { kind: 'imap.append'; folderId: number; messageId: number; flags: string[] }
  | { kind: 'imap.mailbox.create'; path: string }
  | { kind: 'imap.mailbox.rename'; from: string; to: string }
  | { kind: 'imap.mailbox.delete'; path: string };

export interface TaskRow {
  id: number;
  accountId: number;
  payload: TaskPayload;
  attempts: number;
}

/** Capped exponential backoff for transient failures: 5 s, 10 s, 20 s … up to 15 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(15 * 60_000, 5000 * 2 ** Math.max(0, attempts - 1));
}

export class TasksRepo {
  constructor(private readonly sqlite: Database.Database) {}

  enqueue(accountId: number, payload: TaskPayload): number {
    const { id } = cached(this.sqlite, 'INSERT INTO tasks (account_id, kind, payload) VALUES (?, ?, ?) RETURNING id')
      .get(accountId, payload.kind, JSON.stringify(payload)) as { id: number };
    return id;
  }

  /** Queued tasks whose retry time has come, oldest first: the server sees changes in the order they were made. */
  due(accountId: number, now = Date.now()): TaskRow[] {
    return (cached(this.sqlite, "SELECT id, account_id, payload, attempts FROM tasks WHERE account_id = ? AND state = 'queued' AND (retry_after IS NULL OR retry_after <= ?) ORDER BY id")
      .all(accountId, now) as Array<{ id: number; account_id: number; payload: string; attempts: number }>).map((r) => ({
      id: r.id,
      accountId: r.account_id,
      payload: JSON.parse(r.payload) as TaskPayload,
      attempts: r.attempts,
    }));
  }

  queuedCount(accountId: number): number {
    return (cached(this.sqlite, "SELECT count(*) AS n FROM tasks WHERE account_id = ? AND state = 'queued'").get(accountId) as { n: number }).n;
  }

  complete(id: number): void {
    cached(this.sqlite, "UPDATE tasks SET state = 'done', last_error = NULL WHERE id = ?").run(id);
  }

  retryLater(id: number, error: string, attempts: number): void {
    cached(this.sqlite, 'UPDATE tasks SET attempts = ?, retry_after = ?, last_error = ? WHERE id = ?').run(attempts, Date.now() + backoffMs(attempts), error, id);
  }

  fail(id: number, error: string): void {
    cached(this.sqlite, "UPDATE tasks SET state = 'failed', last_error = ? WHERE id = ?").run(error, id);
  }

  /**
   * UIDs and message ids that queued tasks are about to change on the server: a sync running meanwhile must not
   * take a UID that is being moved away for new mail, nor clear a row that waits for its upload.
   */
  pending(accountId: number): { uidsByFolder: Map<number, Set<number>>; messageIds: Set<number> } {
    const uidsByFolder = new Map<number, Set<number>>();
    const messageIds = new Set<number>();
    const add = (folderId: number, uids: number[]) => {
      const set = uidsByFolder.get(folderId) ?? new Set<number>();
      for (const u of uids) set.add(u);
      uidsByFolder.set(folderId, set);
    };
    for (const t of this.due(accountId, Number.MAX_SAFE_INTEGER)) {
      const p = t.payload;
      if (p.kind === 'imap.move') {
        add(p.fromFolderId, p.uids);
        for (const m of p.messageIds) messageIds.add(m);
      } else if (p.kind === 'imap.expunge' || p.kind === 'imap.flags') add(p.folderId, p.uids);
      else if (p.kind === 'imap.append') messageIds.add(p.messageId);
    }
    return { uidsByFolder, messageIds };
  }

  folderSync(folderId: number): FolderSyncState | undefined {
    return cached(this.sqlite, 'SELECT uid_validity AS uidValidity, uid_next AS uidNext, highest_modseq AS highestModseq, server_count AS serverCount FROM folder_sync WHERE folder_id = ?')
      .get(folderId) as FolderSyncState | undefined;
  }

  saveFolderSync(folderId: number, s: FolderSyncState, error: string | null): void {
    cached(this.sqlite, 
        `INSERT INTO folder_sync (folder_id, uid_validity, uid_next, highest_modseq, server_count, synced_at, error) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (folder_id) DO UPDATE SET uid_validity = excluded.uid_validity, uid_next = excluded.uid_next,
           highest_modseq = excluded.highest_modseq, server_count = excluded.server_count, synced_at = excluded.synced_at, error = excluded.error`,
      )
      .run(folderId, s.uidValidity, s.uidNext, s.highestModseq, s.serverCount, Date.now(), error);
  }
}

export interface FolderSyncState {
  uidValidity: number | null;
  uidNext: number | null;
  highestModseq: number | null;
  serverCount: number | null;
}
