import type { AccountInfo, OutboxItem } from '../../../src-shared/contract/index.js';
import { EngineError, forbidden } from '../errors.js';
import { ingestMessage } from '../mail/ingest.js';
import { ensureSendHeaders } from '../mail/outgoing.js';
import { parseMessage } from '../mail/parse.js';
import type { OutboxEntry } from '../store/outbox-repo.js';
import { cached } from '../store/statements.js';
import { outboxScheduleHandlers } from '../compose-drafts/outbox-schedule.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';

/** The account, if this agent may send from it: one attached to it, or a public one. */
export function sendingAccount(deps: Pick<ServiceDeps, 'accounts'>, agentId: number, accountId: number): AccountInfo {
  const account = deps.accounts.get(accountId);
  if (account.agentIds.length > 0 && !account.agentIds.includes(agentId)) throw forbidden('send from this account: it is attached to other agents');
  return account;
}

export interface QueueOptions {
  /** Envelope recipients; default: To, Cc and Bcc of the message. */
  to?: string[] | undefined;
  /** Envelope sender; default: the message's From, else the account's address. */
  from?: string | undefined;
  /** The stored message this answers: flagged \Answered once this one is sent. */
  inReplyTo: number | null;
  /** Not before this time (ms since the epoch); null: now. */
  sendAfter: number | null;
  /** Content shown only to the sending agent. */
  private?: boolean;
  category?: string | null;
}

/**
 * The one way a message enters an Outbox (outbox.queue, compose.send): stored by the normal ingest path (so it is
 * linked to the recipients' records like any mail), then its outbox row, its privacy and category in one
 * transaction, then the account's worker is woken. The raw bytes already carry their Message-ID and Date.
 */
export async function queueOutgoing(deps: ServiceDeps, agentId: number, account: AccountInfo, raw: Buffer, options: QueueOptions): Promise<{ messageId: number }> {
  const outboxFolder = deps.folders.accountFolderOfKind(account.id, 'outbox') ?? deps.folders.localByKind('outbox');
  // Raw MIME from outside says its own sender and recipients; a message Facteur built is not parsed twice.
  const parsed = options.to === undefined || options.from === undefined ? await parseMessage(raw) : null;
  const to = options.to ?? [...parsed!.to, ...parsed!.cc, ...parsed!.bcc].map((a) => a.address);
  const from = options.from ?? parsed?.from?.address ?? account.email;
  if (to.length === 0) throw new EngineError('INVALID_INPUT', 'The message has no recipient; add one in To, Cc or Bcc.');
  const stored = await ingestMessage({ sqlite: deps.store.sqlite, blobs: deps.blobs, messages: deps.messages }, raw, {
    folderId: outboxFolder.id,
    accountId: account.id,
    direction: 'out',
    flags: { seen: true },
    ownerAgentId: agentId,
  });
  if (stored.duplicate) throw new EngineError('CONFLICT', 'This exact message is already in the Outbox.');
  const sqlite = deps.store.sqlite;
  sqlite.transaction(() => {
    deps.outbox.add({ messageId: stored.id, accountId: account.id, from, to, inReplyTo: options.inReplyTo, sendAfter: options.sendAfter });
    if (options.private) cached(sqlite, 'UPDATE messages SET private = 1, owner_agent_id = ? WHERE id = ?').run(agentId, stored.id);
    if (options.category) cached(sqlite, 'UPDATE messages SET category = ? WHERE id = ?').run(options.category, stored.id);
  })();
  deps.events.changed('outbox', [stored.id]);
  deps.events.changed('messages', [stored.id]);
  deps.events.changed('folders', [outboxFolder.id]);
  deps.sync.wake([account.id]);
  return { messageId: stored.id };
}

export function outboxService(deps: ServiceDeps): DomainHandlers<'outbox'> {
  const usable = (agentId: number, accountId: number) => sendingAccount(deps, agentId, accountId);
  const visibleAccounts = (ctx: CallContext) => deps.accounts.list().filter((a) => a.agentIds.length === 0 || a.agentIds.includes(ctx.agentId)).map((a) => a.id);
  const item = ({ envelopeFrom: _f, inReplyToMessage: _r, ...rest }: OutboxEntry): OutboxItem => rest;

  return {
    ...outboxScheduleHandlers(deps),

    'outbox.queue': async (input, ctx) => {
      const account = usable(ctx.agentId, input.accountId);
      const raw = ensureSendHeaders(Buffer.from(input.raw, 'base64'), account.email.split('@')[1] ?? 'facteur.invalid');
      const { messageId } = await queueOutgoing(deps, ctx.agentId, account, raw, {
        to: input.to,
        inReplyTo: input.inReplyTo ?? null,
        sendAfter: input.sendAfter ? Date.parse(input.sendAfter) : null,
      });
      return { messageId };
    },

    'outbox.list': (input, ctx) => {
      const accounts = input.accountId !== undefined ? [usable(ctx.agentId, input.accountId).id] : visibleAccounts(ctx);
      return { items: accounts.flatMap((id) => deps.outbox.list(id)).map(item) };
    },

    'outbox.send': async (input, ctx) => {
      if (input.messageId !== undefined) {
        const entry = deps.outbox.get(input.messageId);
        usable(ctx.agentId, entry.accountId);
        if (entry.state === 'queued') deps.outbox.requeue(entry.messageId); // "send now" skips any backoff
        return deps.sync.sendOutbox(entry.accountId, entry.messageId);
      }
      const accounts = input.accountId !== undefined ? [usable(ctx.agentId, input.accountId).id] : visibleAccounts(ctx);
      const total = { sent: 0, failed: 0, unknown: 0, queued: 0 };
      for (const id of accounts) {
        const r = await deps.sync.sendOutbox(id);
        total.sent += r.sent;
        total.failed += r.failed;
        total.unknown += r.unknown;
        total.queued += r.queued;
      }
      return total;
    },

    'outbox.resolve': (input, ctx) => {
      const entry = deps.outbox.get(input.messageId);
      usable(ctx.agentId, entry.accountId);
      if (entry.state !== 'unknown' && entry.state !== 'failed') {
        throw new EngineError('CONFLICT', 'Only a message whose sending failed or was interrupted can be resolved.');
      }
      if (input.action === 'mark-sent') {
        deps.outbox.markSent(entry.messageId);
        deps.sync.fileSent(entry.accountId, entry.messageId);
      } else {
        deps.outbox.requeue(entry.messageId);
      }
      deps.events.changed('outbox', [entry.messageId]);
      return item(deps.outbox.get(entry.messageId));
    },
  };
}
