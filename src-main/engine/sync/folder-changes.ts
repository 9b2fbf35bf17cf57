import type Database from 'better-sqlite3';
import { EngineError } from '../errors.js';
import type { FoldersRepo } from '../store/folders-repo.js';
import type { TasksRepo } from '../store/tasks-repo.js';

/**
 * Folder create, rename, move and delete: applied to the tree at once and, for an account's folders, queued as
 * mailbox tasks the worker replays on the server (IMAP CREATE, RENAME, DELETE), like message changes.
 */
export class FolderChanges {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly folders: FoldersRepo,
    private readonly tasks: TasksRepo,
  ) {}

  create(parentId: number | null, name: string, topAccountId: number | null = null): number {
    const parent = parentId === null ? null : this.folders.get(parentId);
    const accountId = parent ? parent.account_id : topAccountId;
    const remote = this.remotePath(parentId, name, accountId);
    return this.sqlite.transaction(() => {
      const id = this.folders.create(parentId, name, accountId, remote);
      if (remote && accountId !== null) this.tasks.enqueue(accountId, { kind: 'imap.mailbox.create', path: remote.name });
      return id;
    })();
  }

  rename(id: number, name: string): void {
    const folder = this.userFolder(id, 'renamed');
    this.relocate(id, folder.parent_id, name);
  }

  move(id: number, parentId: number | null): void {
    const folder = this.userFolder(id, 'moved');
    if (parentId !== null) {
      const parent = this.folders.get(parentId);
      if (parent.account_id !== folder.account_id) throw new EngineError('INVALID_INPUT', 'A folder moves within its own account; to move mail elsewhere, move the messages.');
      if (this.folders.subtree(id).some((f) => f.id === parentId)) throw new EngineError('INVALID_INPUT', 'A folder cannot be moved inside itself.');
    }
    this.relocate(id, parentId, folder.name);
  }

  /** Only empty folders: a folder's mail is never deleted as a side effect; move or delete the messages first. */
  delete(id: number): number {
    const rows = this.folders.subtree(id);
    this.userFolder(id, 'deleted');
    const count = (this.sqlite.prepare('SELECT count(*) AS n FROM messages WHERE folder_id IN (SELECT value FROM json_each(?))').get(JSON.stringify(rows.map((r) => r.id))) as { n: number }).n;
    if (count > 0) throw new EngineError('CONFLICT', `This folder still holds ${count} message(s); move or delete them first.`);
    const top = this.folders.get(id);
    // Deepest first (RFC 9051 §6.3.5: deleting a parent need not delete its children), paths read before the rows go.
    const paths = rows.map((r) => this.folders.remoteName(r.id)).filter((p): p is string => p !== null);
    this.sqlite.transaction(() => {
      this.folders.deleteRows(rows.map((r) => r.id));
      if (top.account_id !== null) for (const path of paths) this.tasks.enqueue(top.account_id, { kind: 'imap.mailbox.delete', path });
    })();
    return rows.length;
  }

  private relocate(id: number, parentId: number | null, name: string): void {
    const folder = this.folders.get(id);
    this.folders.assertFreeName(parentId, name, folder.account_id, id);
    const from = this.folders.remoteName(id);
    const to = from ? this.remotePath(parentId, name, folder.account_id) : null;
    this.sqlite.transaction(() => {
      this.folders.relocate(id, parentId, name, from && to ? { from, to: to.name, delimiter: to.delimiter } : null);
      if (from && to && folder.account_id !== null && from !== to.name) {
        this.tasks.enqueue(folder.account_id, { kind: 'imap.mailbox.rename', from, to: to.name });
      }
    })();
  }

  private userFolder(id: number, what: string) {
    const folder = this.folders.get(id);
    if (folder.kind !== 'user') throw new EngineError('INVALID_INPUT', `The ${folder.kind} folder cannot be ${what}; only your own folders can.`);
    return folder;
  }

  /** The server path for a folder of an account: the parent's path, the server's delimiter, the name. */
  private remotePath(parentId: number | null, name: string, accountId: number | null): { name: string; delimiter: string } | null {
    if (accountId === null) return null;
    const parentRemote = parentId === null ? null : this.folders.remoteName(parentId);
    if (parentId !== null && !parentRemote) {
      throw new EngineError('INVALID_INPUT', 'Folders under this one live only on this computer; create it under a server folder or at the top.');
    }
    const delimiter = parentId === null ? this.accountDelimiter(accountId) : this.folders.delimiterOf(parentId);
    if (name.includes(delimiter)) throw new EngineError('INVALID_INPUT', `This server does not allow "${delimiter}" in folder names.`);
    return { name: parentRemote ? `${parentRemote}${delimiter}${name}` : name, delimiter };
  }

  private accountDelimiter(accountId: number): string {
    const row = this.sqlite.prepare('SELECT delimiter FROM folders WHERE account_id = ? AND delimiter IS NOT NULL LIMIT 1').get(accountId) as { delimiter: string } | undefined;
    return row?.delimiter ?? '/';
  }
}
