import type Database from 'better-sqlite3';
import type { MessageFlags } from '../../../src-shared/contract/index.js';
import { EngineError } from '../errors.js';
import type { FoldersRepo } from '../store/folders-repo.js';
import type { MessagesRepo } from '../store/messages-repo.js';
import type { TasksRepo } from '../store/tasks-repo.js';
import { imapFlagChanges } from './imap/flags.js';

interface Located {
  id: number;
  folderId: number;
  accountId: number | null;
  uid: number | null;
}

/**
 * Every change to mail state is local first, then remote (ARCHITECTURE.md "Doing things"): one transaction
 * applies it to the store and queues the persisted task the account's worker replays on the server.
 */
export class LocalChanges {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly messages: MessagesRepo,
    private readonly folders: FoldersRepo,
    private readonly tasks: TasksRepo,
  ) {}

  setFlags(ids: number[], flags: Partial<MessageFlags>): number {
    return this.sqlite.transaction(() => {
      const updated = this.messages.setFlags(ids, flags);
      const { add, remove } = imapFlagChanges(flags);
      for (const [folderId, group] of this.onServerByFolder(ids)) {
        this.tasks.enqueue(group.accountId!, { kind: 'imap.flags', folderId, uids: group.items.map((m) => m.uid!), add, remove });
      }
      return updated;
    })();
  }

  move(ids: number[], targetId: number): number {
    const target = this.folders.get(targetId);
    const targetRemote = this.folders.remoteName(targetId);
    return this.sqlite.transaction(() => {
      const located = this.locate(ids);
      for (const [folderId, group] of groupByFolder(located)) {
        if (folderId === targetId) continue;
        const sourceRemote = this.folders.remoteName(folderId);
        const onServer = group.items.filter((m) => m.uid !== null && sourceRemote !== null);
        const sameAccount = group.accountId !== null && group.accountId === target.account_id && targetRemote !== null;
        if (onServer.length > 0 && sameAccount) {
          this.tasks.enqueue(group.accountId!, { kind: 'imap.move', fromFolderId: folderId, toFolderId: targetId, uids: onServer.map((m) => m.uid!), messageIds: onServer.map((m) => m.id) });
        } else if (onServer.length > 0) {
          // Leaving the account (to Local Folders or another account): the copy here is now the only one kept.
          this.tasks.enqueue(group.accountId!, { kind: 'imap.expunge', folderId, uids: onServer.map((m) => m.uid!) });
        }
        this.messages.moveMany(group.items.map((m) => m.id), targetId, target.account_id);
        if (targetRemote !== null && target.account_id !== null) {
          // Rows the server does not have (from elsewhere, or never uploaded, like a sent message leaving the
          // Outbox) go up with an append carrying their flags.
          const toUpload = sameAccount ? group.items.filter((x) => x.uid === null) : group.items;
          this.upload(toUpload.map((m) => m.id), targetId);
        }
      }
      return located.length;
    })();
  }

  /**
   * Queues the upload (IMAP APPEND, with the messages' flags) of messages stored here in a server folder; returns
   * the account to wake, or null when the folder lives only on this computer.
   */
  upload(ids: number[], folderId: number): number | null {
    const folder = this.folders.get(folderId);
    if (folder.account_id === null || !this.folders.remoteName(folderId)) return null;
    const flags = this.messages.flagsOf(ids);
    for (const id of ids) {
      const f = flags.get(id);
      // $NotJunk is what clearing junk writes on a server copy; a fresh upload needs no such keyword.
      this.tasks.enqueue(folder.account_id, { kind: 'imap.append', folderId, messageId: id, flags: f ? imapFlagChanges(f).add.filter((x) => x !== '$NotJunk') : [] });
    }
    return folder.account_id;
  }

  /** To the account's Trash (Local Folders' Trash for local mail); from Trash, or when permanent, gone everywhere. */
  delete(ids: number[], permanent: boolean): { trashed: number; removed: number } {
    const located = this.locate(ids);
    let trashed = 0;
    let removed = 0;
    for (const [folderId, group] of groupByFolder(located)) {
      const folder = this.folders.get(folderId);
      const trash = group.accountId === null ? this.folders.localByKind('trash') : this.folders.accountFolderOfKind(group.accountId, 'trash');
      if (!permanent && folder.kind !== 'trash' && trash) {
        trashed += this.move(group.items.map((m) => m.id), trash.id);
        continue;
      }
      this.sqlite.transaction(() => {
        const onServer = group.items.filter((m) => m.uid !== null);
        if (onServer.length > 0 && group.accountId !== null && this.folders.remoteName(folderId)) {
          this.tasks.enqueue(group.accountId, { kind: 'imap.expunge', folderId, uids: onServer.map((m) => m.uid!) });
        }
        removed += this.messages.deleteMany(group.items.map((m) => m.id));
      })();
    }
    return { trashed, removed };
  }

  private locate(ids: number[]): Located[] {
    const rows = this.sqlite
      .prepare('SELECT id, folder_id AS folderId, account_id AS accountId, uid FROM messages WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as Located[];
    if (rows.length !== new Set(ids).size) throw new EngineError('NOT_FOUND', 'Some of these messages no longer exist; refresh the list.');
    return rows;
  }

  private onServerByFolder(ids: number[]) {
    const located = this.locate(ids).filter((m) => m.uid !== null && m.accountId !== null);
    return groupByFolder(located);
  }
}

function groupByFolder(items: Located[]): Map<number, { accountId: number | null; items: Located[] }> {
  const out = new Map<number, { accountId: number | null; items: Located[] }>();
  for (const m of items) {
    const g = out.get(m.folderId) ?? { accountId: m.accountId, items: [] };
    g.items.push(m);
    out.set(m.folderId, g);
  }
  return out;
}
