import { EngineError } from '../../errors.js';
import type { EventBus } from '../../events.js';
import { withoutBcc } from '../../mail/outgoing.js';
import type { CredentialStore } from '../credentials.js';
import type { AccountsRepo } from '../../store/accounts-repo.js';
import type { FoldersRepo } from '../../store/folders-repo.js';
import type { MessagesRepo } from '../../store/messages-repo.js';
import { lateness, type OutboxEntry, type OutboxRepo } from '../../store/outbox-repo.js';
import type { LocalChanges } from '../local-changes.js';
import { connectError } from '../connect-errors.js';
import { smtpTransport } from './transport.js';

export interface OutboxDeps {
  accounts: AccountsRepo;
  credentials: CredentialStore;
  folders: FoldersRepo;
  messages: MessagesRepo;
  outbox: OutboxRepo;
  changes: LocalChanges;
  events: EventBus;
  sourceOf: (messageId: number) => Buffer;
}

export interface OutboxResult {
  sent: number;
  failed: number;
  unknown: number;
  queued: number;
}

/**
 * Sends an account's due messages. Each one is marked `sending` (committed) before DATA; the server's answer then
 * decides: accepted → sent, filed in Sent, the original flagged answered; 5xx → failed with the server's words;
 * 4xx or a connection that breaks before DATA → queued again with backoff; no answer to DATA → unknown, because
 * the server may have taken it (RFC 1047), and a blind resend could deliver it twice.
 */
export async function sendOutbox(deps: OutboxDeps, accountId: number, only?: number): Promise<OutboxResult> {
  const result: OutboxResult = { sent: 0, failed: 0, unknown: 0, queued: 0 };
  const due = only !== undefined ? [deps.outbox.get(only)].filter((m) => m.state === 'queued') : deps.outbox.due(accountId);
  if (due.length === 0) return result;
  const account = deps.accounts.get(accountId);
  // RFC 5321 §4.1.1.4: after "354" the message body is on its way; from then on a lost answer means "unknown".
  let dataStarted = false;
  const transport = await smtpTransport(deps, accountId, (line) => {
    if (line.startsWith('354')) dataStarted = true;
  });
  try {
    for (const item of due) {
      // Cancelled, rescheduled or sent by "send now" while this run waited for the server or another message.
      if (!deps.outbox.isDue(item.messageId, only !== undefined)) continue;
      dataStarted = false;
      deps.outbox.markSending(item.messageId);
      deps.events.changed('outbox', [item.messageId]);
      try {
        await transport.sendMail({ envelope: { from: item.envelopeFrom, to: item.to }, raw: withoutBcc(deps.sourceOf(item.messageId)) });
        deps.outbox.markSent(item.messageId);
        reportLate(deps, deps.outbox.get(item.messageId));
        fileSent(deps, accountId, item.messageId, account.settings.serverFilesSent);
        if (item.inReplyToMessage !== null) deps.changes.setFlags([item.inReplyToMessage], { answered: true });
        result.sent++;
      } catch (error) {
        const outcome = classify(error, account.settings.outgoing.host, dataStarted);
        if (outcome.kind === 'failed') {
          deps.outbox.markFailed(item.messageId, outcome.message);
          result.failed++;
        } else if (outcome.kind === 'unknown') {
          deps.outbox.markUnknown(item.messageId, outcome.message);
          result.unknown++;
        } else {
          deps.outbox.retryLater(item.messageId, outcome.message, item.attempts + 1);
          result.queued++;
          if (outcome.kind === 'retry' && outcome.stop) break; // the server or the network is down: the rest waits
        }
      } finally {
        deps.events.changed('outbox', [item.messageId]);
        deps.events.changed('messages', [item.messageId]);
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

/** Said at once: filing in Sent may remove the outbox row that keeps `late` (a server that files sent mail itself). */
function reportLate(deps: OutboxDeps, sent: OutboxEntry): void {
  const sendAfter = sent.sendAfter === null ? null : Date.parse(sent.sendAfter);
  const late = lateness(sendAfter, sent.sentAt === null ? null : Date.parse(sent.sentAt), sent.attempts);
  if (late && sent.sendAfter && sent.sentAt) deps.events.emit('outbox.late', { messageId: sent.messageId, accountId: sent.accountId, sendAfter: sent.sendAfter, sentAt: sent.sentAt, late });
}

/** The sent copy goes to Sent (uploaded by the move's task unless the server files it itself). */
export function fileSent(deps: OutboxDeps, accountId: number, messageId: number, serverFilesSent: boolean): void {
  deps.messages.setFlags([messageId], { seen: true });
  const sent = deps.folders.accountFolderOfKind(accountId, 'sent');
  if (sent && serverFilesSent && deps.folders.remoteName(sent.id)) {
    // The server's own copy arrives with the next sync of Sent; keeping ours too would show it twice.
    deps.messages.deleteMany([messageId]);
    return;
  }
  deps.changes.move([messageId], (sent ?? deps.folders.localByKind('sent')).id);
}

type Outcome = { kind: 'failed' | 'unknown'; message: string } | { kind: 'retry'; message: string; stop: boolean };

function classify(error: unknown, host: string, dataStarted: boolean): Outcome {
  const e = error as { responseCode?: number; response?: string; command?: string; code?: string; message?: string };
  const reply = e.response ?? e.message ?? String(error);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { kind: 'failed', message: `${host} refused the message: ${reply}` };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return { kind: 'retry', message: `${host} asked to try later: ${reply}`, stop: false };
  if (dataStarted) {
    return { kind: 'unknown', message: `The connection to ${host} broke after the message was handed over; it may or may not have been delivered.` };
  }
  const coded = error instanceof EngineError ? error : connectError(error, host);
  return { kind: 'retry', message: coded.message, stop: true };
}
