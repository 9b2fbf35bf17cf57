import type { RecordRef } from '../../../src-shared/contract/index.js';
import { assertRecord, recordNameSql } from '../crm/record-names.js';
import { EngineError, forbidden } from '../errors.js';
import { cached } from '../store/statements.js';
import type { CallContext, ServiceDeps } from './handler.js';

/** The message, if the agent may see its folder. */
export function readableMessage(deps: ServiceDeps, id: number, ctx: CallContext) {
  const row = deps.messages.get(id);
  deps.access.folder(ctx.agentId, row.folder_id);
  return row;
}

/**
 * An email in the mailbox the agent may see, or one kept in the history after its deletion from an account the agent
 * may see (or that no longer exists). NOT_FOUND when it is neither; `content` says whether the agent may read it.
 */
export function readableOrKept(deps: ServiceDeps, id: number, ctx: CallContext): { where: 'live' | 'kept'; content: boolean } {
  const sqlite = deps.store.sqlite;
  const kept = cached(sqlite, 'SELECT account_id, private, owner_agent_id FROM removed_messages WHERE id = ?').get(id) as
    | { account_id: number | null; private: number; owner_agent_id: number | null }
    | undefined;
  if (!kept) return { where: 'live', content: deps.access.canSeeContent(ctx.agentId, readableMessage(deps, id, ctx)) };
  if (kept.account_id !== null && !deps.access.visibleAccountIds(ctx.agentId).has(kept.account_id) && cached(sqlite, 'SELECT 1 FROM accounts WHERE id = ?').get(kept.account_id)) {
    throw forbidden('see this email: its account is not attached to you');
  }
  return { where: 'kept', content: deps.access.canSeeContent(ctx.agentId, kept) };
}

/**
 * Files an email under a record by hand. A manual link says why from now on, even where an address had filed it
 * already. An email has one ticket at most: CONFLICT names the one it has.
 */
export function fileByHand(deps: ServiceDeps, ctx: CallContext, messageId: number, ref: RecordRef): void {
  const sqlite = deps.store.sqlite;
  readableMessage(deps, messageId, ctx);
  assertRecord(sqlite, ref);
  if (ref.type === 'ticket') {
    const other = cached(sqlite, `SELECT record_id, ${recordNameSql("'ticket'", 'record_id')} AS name FROM message_links WHERE message_id = ? AND record_type = 'ticket' AND record_id <> ?`)
      .get(messageId, ref.id) as { record_id: number; name: string } | undefined;
    if (other) {
      throw new EngineError('CONFLICT', `This email already belongs to ticket ${other.name}; an email has one ticket. Remove it from that ticket first.`, { ticketId: other.record_id });
    }
  }
  cached(sqlite, "INSERT INTO message_links (message_id, record_type, record_id, reason) VALUES (?, ?, ?, 'manual') ON CONFLICT DO UPDATE SET reason = 'manual'")
    .run(messageId, ref.type, ref.id);
  deps.events.changed('messages', [messageId]);
}
