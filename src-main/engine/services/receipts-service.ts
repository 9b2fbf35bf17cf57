import addressparser from 'nodemailer/lib/addressparser';
import type { AccountInfo } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { EngineError, forbidden } from '../errors.js';
import { parseHeaderBlock } from '../mail/mime-scan.js';
import { buildMdn } from '../reports/build-mdn.js';
import { mdnLocale } from '../reports/mdn-text.js';
import type { MessageRow } from '../store/messages-repo.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';
import { queueOutgoing, sendingAccount } from './outbox-service.js';

/** The addresses a Disposition-Notification-To asks receipts for (RFC 8098 §2.1: a list of mailboxes). */
export function receiptAddresses(value: string | undefined): string[] {
  if (!value) return [];
  const flat = (list: ReturnType<typeof addressparser>): string[] =>
    list.flatMap((a) => ('group' in a && a.group ? flat(a.group) : 'address' in a && a.address ? [a.address] : []));
  return [...new Set(flat(addressparser(value)).filter((a) => /^[^\s@]+@[^\s@]+$/.test(a)))];
}

export function receiptsService(deps: ServiceDeps): DomainHandlers<'receipts'> {
  // A second click while the first answer is being queued must not send a second receipt.
  const answering = new Set<number>();

  /** The account the message arrived on; for a message in Local Folders, an account of the agent it was sent to. */
  const accountFor = (row: MessageRow, headers: Map<string, string>, ctx: CallContext): AccountInfo => {
    if (row.account_id !== null) return sendingAccount(deps, ctx.agentId, row.account_id);
    const visible = deps.access.visibleAccountIds(ctx.agentId);
    const recipients = receiptAddresses([headers.get('to'), headers.get('cc')].filter(Boolean).join(', ')).map(normalizeAddress);
    const account = deps.accounts.list().find((a) => visible.has(a.id) && recipients.includes(normalizeAddress(a.email)));
    if (!account) {
      throw new EngineError('CONFLICT', 'No account of yours received this message, so there is none to send the read receipt from. Choose "Don\'t send", or move the message to the account it was sent to.');
    }
    return account;
  };

  return {
    'receipts.answer': async (input, ctx) => {
      const row = deps.messages.get(input.messageId);
      deps.access.folder(ctx.agentId, row.folder_id);
      if (!deps.access.canSeeContent(ctx.agentId, row)) throw forbidden('answer a read receipt request of a message private to another agent');
      const headers = parseHeaderBlock(row.headers ?? '');
      const to = receiptAddresses(headers.get('disposition-notification-to'));
      if (row.direction !== 'in' || to.length === 0) {
        throw new EngineError('INVALID_INPUT', `Message ${row.id} asks for no read receipt (it has no Disposition-Notification-To address).`);
      }
      // RFC 8098 §2.1: a receipt is never sent for a report, which would answer an automatic message with another.
      if (/^\s*multipart\/report\b/i.test(headers.get('content-type') ?? '')) {
        throw new EngineError('INVALID_INPUT', `Message ${row.id} is itself a delivery report or read receipt; it is never answered with a receipt.`);
      }
      if (row.mdn_sent === 1 || answering.has(row.id)) {
        throw new EngineError('CONFLICT', 'This read receipt request was already answered (the message is marked $MDNSent).');
      }
      answering.add(row.id);
      try {
        let outboxMessageId: number | null = null;
        if (input.send) {
          const account = accountFor(row, headers, ctx);
          const agent = deps.agents.get(ctx.agentId);
          const raw = await buildMdn({
            locale: mdnLocale(agent.locale),
            from: { name: agent.name, address: account.email },
            to,
            reportingHost: account.email.split('@')[1] ?? 'localhost',
            original: { messageId: row.message_id, subject: row.subject, date: row.date === null ? null : new Date(row.date), headers },
          });
          // The outbox's own way in, so a receipt is stored, sent, retried and filed in Sent like any message. No
          // inReplyTo: sending a receipt is not answering the message, which must not turn \Answered.
          ({ messageId: outboxMessageId } = await queueOutgoing(deps, ctx.agentId, account, raw, { to, inReplyTo: null, sendAfter: null }));
        }
        // RFC 3503: $MDNSent whether the receipt was sent or declined, so no client asks again. Local first, then IMAP.
        deps.changes.setFlags([row.id], { mdnSent: true });
        deps.sync.wake();
        deps.events.changed('messages', [row.id]);
        deps.events.changed('folders', [row.folder_id]);
        return { sent: input.send, outboxMessageId };
      } finally {
        answering.delete(row.id);
      }
    },
  };
}
