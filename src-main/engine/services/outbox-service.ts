import type { OutboxItem } from '../../../src-shared/contract/index.js';
import { EngineError, forbidden } from '../errors.js';
import { ingestMessage } from '../mail/ingest.js';
import { ensureSendHeaders } from '../mail/outgoing.js';
import { parseMessage } from '../mail/parse.js';
import type { OutboxEntry } from '../store/outbox-repo.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';

export function outboxService(deps: ServiceDeps): DomainHandlers<'outbox'> {
  const usable = (agentId: number, accountId: number) => {
    const account = deps.accounts.get(accountId);
    if (account.agentIds.length > 0 && !account.agentIds.includes(agentId)) throw forbidden('send from this account: it is attached to other agents');
    return account;
  };
  const visibleAccounts = (ctx: CallContext) => deps.accounts.list().filter((a) => a.agentIds.length === 0 || a.agentIds.includes(ctx.agentId)).map((a) => a.id);
  const item = ({ envelopeFrom: _f, inReplyToMessage: _r, ...rest }: OutboxEntry): OutboxItem => rest;

  return {
    'outbox.queue': async (input, ctx) => {
      const account = usable(ctx.agentId, input.accountId);
      const outboxFolder = deps.folders.accountFolderOfKind(account.id, 'outbox') ?? deps.folders.localByKind('outbox');
      const raw = ensureSendHeaders(Buffer.from(input.raw, 'base64'), account.email.split('@')[1] ?? 'facteur.invalid');
      const parsed = await parseMessage(raw);
      const to = input.to ?? [...parsed.to, ...parsed.cc, ...parsed.bcc].map((a) => a.address);
      if (to.length === 0) throw new EngineError('INVALID_INPUT', 'The message has no recipient; add one in To, Cc or Bcc.');
      const stored = await ingestMessage({ sqlite: deps.store.sqlite, blobs: deps.blobs, messages: deps.messages }, raw, {
        folderId: outboxFolder.id,
        accountId: account.id,
        direction: 'out',
        flags: { seen: true },
        ownerAgentId: ctx.agentId,
      });
      if (stored.duplicate) throw new EngineError('CONFLICT', 'This exact message is already in the Outbox.');
      deps.outbox.add({
        messageId: stored.id,
        accountId: account.id,
        from: parsed.from?.address ?? account.email,
        to,
        inReplyTo: input.inReplyTo ?? null,
        sendAfter: input.sendAfter ? Date.parse(input.sendAfter) : null,
      });
      deps.events.changed('outbox', [stored.id]);
      deps.events.changed('messages', [stored.id]);
      deps.events.changed('folders', [outboxFolder.id]);
      deps.sync.wake([account.id]);
      return { messageId: stored.id };
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
