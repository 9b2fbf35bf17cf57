import type { ImapFlow } from 'imapflow';
import type { FoldersRepo } from '../../store/folders-repo.js';
import type { MessagesRepo } from '../../store/messages-repo.js';
import type { TaskRow, TasksRepo } from '../../store/tasks-repo.js';
import { missingCase } from '../../../../src-shared/domain/exhaustive.js';

export interface ApplyDeps {
  client: ImapFlow;
  tasks: TasksRepo;
  messages: MessagesRepo;
  folders: FoldersRepo;
  /** The exact source of a stored message, for uploads. */
  sourceOf: (messageId: number) => Buffer;
  /** A change the server refused or made moot: the server wins, and the user is told. */
  onConflict: (message: string) => void;
}

/** Replays queued local changes on the server, oldest first; transient failures wait and retry, others are reported. */
export async function applyTasks(deps: ApplyDeps, accountId: number): Promise<number> {
  let applied = 0;
  for (const task of deps.tasks.due(accountId)) {
    try {
      await applyOne(deps, task);
      deps.tasks.complete(task.id);
      applied++;
    } catch (error) {
      if (isTransient(error)) {
        deps.tasks.retryLater(task.id, (error as Error).message, task.attempts + 1);
        throw error; // the connection is gone: stop here, the worker reconnects and resumes
      }
      deps.tasks.fail(task.id, (error as Error).message);
      deps.onConflict(`The server refused a change (${task.payload.kind}): ${(error as Error).message}`);
    }
  }
  return applied;
}

async function applyOne(deps: ApplyDeps, task: TaskRow): Promise<void> {
  const p = task.payload;
  const pathOf = (folderId: number) => {
    const remote = deps.folders.remoteName(folderId);
    if (!remote) throw new Error(`folder ${folderId} is not on the server`);
    return remote;
  };
  switch (p.kind) {
    case 'imap.flags': {
      const lock = await deps.client.getMailboxLock(pathOf(p.folderId));
      try {
        const set = p.uids.join(',');
        if (p.add.length) await deps.client.messageFlagsAdd(set, p.add, { uid: true });
        if (p.remove.length) await deps.client.messageFlagsRemove(set, p.remove, { uid: true });
      } finally {
        lock.release();
      }
      return;
    }
    case 'imap.move': {
      const lock = await deps.client.getMailboxLock(pathOf(p.fromFolderId));
      try {
        const result = await deps.client.messageMove(p.uids.join(','), pathOf(p.toFolderId), { uid: true });
        const uidValidity = result && result.uidValidity !== undefined ? Number(result.uidValidity) : null;
        p.uids.forEach((uid, i) => {
          const newUid = result ? result.uidMap?.get(uid) : undefined;
          const messageId = p.messageIds[i]!;
          if (newUid !== undefined && uidValidity !== null) deps.messages.setRemote(messageId, newUid, uidValidity);
          else if (result && result.uidMap && newUid === undefined) {
            // Moved away or deleted on the server in the meantime: the server wins.
            deps.messages.deleteMany([messageId]);
            deps.onConflict(`A message you moved had already been removed from ${pathOf(p.fromFolderId)} on the server.`);
          }
          // Without UIDPLUS there is no map: the next sync of the target claims the row by content hash.
        });
      } finally {
        lock.release();
      }
      return;
    }
    case 'imap.expunge': {
      const lock = await deps.client.getMailboxLock(pathOf(p.folderId));
      try {
        await deps.client.messageDelete(p.uids.join(','), { uid: true });
      } finally {
        lock.release();
      }
      return;
    }
    case 'imap.append': {
      const raw = deps.sourceOf(p.messageId);
      const result = await deps.client.append(pathOf(p.folderId), raw, p.flags);
      if (result && result.uid !== undefined && result.uidValidity !== undefined) {
        deps.messages.setRemote(p.messageId, result.uid, Number(result.uidValidity));
      }
      return;
    }
    case 'imap.mailbox.create':
      await deps.client.mailboxCreate(p.path);
      return;
    case 'imap.mailbox.rename':
      await deps.client.mailboxRename(p.from, p.to);
      return;
    case 'imap.mailbox.delete':
      await deps.client.mailboxDelete(p.path).catch((error: { responseText?: string }) => {
        // Already gone (another client, or removed with its parent): the goal is reached.
        if (!/nonexistent|not exist|no such/i.test(error.responseText ?? '')) throw error;
      });
      return;
    default:
      missingCase(p);
  }
}

/** Network trouble is worth retrying; a NO/BAD answer about the change itself is not. */
export function isTransient(error: unknown): boolean {
  const e = error as { code?: string; responseStatus?: string };
  if (e.responseStatus === 'NO' || e.responseStatus === 'BAD') return false;
  return ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'NoConnection', 'ClosedAfterConnectTLS', 'ClosedAfterConnectText', 'EConnectionClosed'].includes(e.code ?? '') ||
    /connection|socket|closed|timeout/i.test((error as Error).message ?? '');
}
