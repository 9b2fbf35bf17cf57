import type { ImapFlow } from 'imapflow';
import type { FoldersRepo } from '../../store/folders-repo.js';
import type { MessagesRepo } from '../../store/messages-repo.js';
import type { OutboxRepo } from '../../store/outbox-repo.js';

/**
 * For sends interrupted after DATA ("unknown"): if the message reached the server's Sent folder (servers that file
 * sent mail themselves, or an earlier pass that uploaded it), it did go out — mark it sent instead of asking the
 * user. Found by our own Message-ID, set before sending. Returns how many were settled.
 */
export async function settleUnknownSends(client: ImapFlow, deps: { outbox: OutboxRepo; folders: FoldersRepo; messages: MessagesRepo }, accountId: number): Promise<number[]> {
  const unknown = deps.outbox.list(accountId).filter((m) => m.state === 'unknown');
  const sent = deps.folders.accountFolderOfKind(accountId, 'sent');
  const path = sent ? deps.folders.remoteName(sent.id) : null;
  if (unknown.length === 0 || !path) return [];
  const settled: number[] = [];
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    for (const item of unknown) {
      const messageId = deps.messages.get(item.messageId).message_id;
      if (!messageId) continue;
      const found = await client.search({ header: { 'message-id': `<${messageId}>` } }, { uid: true });
      if (found && found.length > 0) {
        deps.outbox.markSent(item.messageId);
        settled.push(item.messageId);
      }
    }
  } finally {
    lock.release();
  }
  return settled;
}
