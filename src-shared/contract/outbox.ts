import { z } from 'zod';
import { Address, Id, IsoDate } from './common.js';
import { command, event } from './define.js';

export const OutboxState = z.enum(['queued', 'sending', 'sent', 'failed', 'unknown']);
export type OutboxState = z.infer<typeof OutboxState>;

/**
 * A scheduled message that went out more than a minute after its time, by how much and why: `closed` — Facteur made
 * no attempt at the time (it was not running) and sent it at the next start; `retried` — the server made it wait.
 */
export const OutboxLateness = z.object({ minutes: z.number().int(), reason: z.enum(['closed', 'retried']) });
export type OutboxLateness = z.infer<typeof OutboxLateness>;

export const OutboxItem = z.object({
  messageId: Id,
  accountId: Id,
  subject: z.string(),
  to: z.array(z.string()),
  state: OutboxState,
  attempts: z.number().int(),
  /** The server's own reply for a failure, or what broke. */
  lastError: z.string().nullable(),
  retryAfter: IsoDate.nullable(),
  sendAfter: IsoDate.nullable(),
  sentAt: IsoDate.nullable(),
  /** For a scheduled message sent late: "sent at 09:02, 2 hours late, because Facteur was closed". */
  late: OutboxLateness.nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const outboxCommands = {
  /** Stores a message to send (raw MIME) in the account's Outbox; nothing goes out before it is stored. */
  'outbox.queue': command(
    z.object({
      accountId: Id,
      raw: z.base64(),
      /** Envelope recipients; default: To, Cc and Bcc of the message. */
      to: z.array(Address.shape.address).optional(),
      inReplyTo: Id.optional(),
      sendAfter: IsoDate.optional(),
    }),
    z.object({ messageId: Id }),
  ),
  'outbox.list': command(z.object({ accountId: Id.optional() }), z.object({ items: z.array(OutboxItem) })),
  /** "Send now" for one message, or "send all" for an account (or every account). */
  'outbox.send': command(
    z.object({ messageId: Id.optional(), accountId: Id.optional() }),
    z.object({ sent: z.number().int(), failed: z.number().int(), unknown: z.number().int(), queued: z.number().int() }),
  ),
  /** The user's answer for a message whose sending was interrupted: it did go out, or send it again. */
  'outbox.resolve': command(z.object({ messageId: Id, action: z.enum(['mark-sent', 'send-again']) }), OutboxItem),
  /**
   * A message not sent yet (waiting, failed or interrupted) leaves the Outbox and becomes a saved draft of the caller's
   * (recipients, subject, body, files, options; a future time kept): to edit a scheduled message, or not send it.
   */
  'outbox.cancel': command(z.object({ messageId: Id }), z.object({ draftId: Id })),
  /** A waiting message's new time, one to come ("send now" is outbox.send). */
  'outbox.reschedule': command(z.object({ messageId: Id, sendAt: IsoDate }), OutboxItem),
};

export const outboxEvents = {
  /** A scheduled message just went out late (as `OutboxItem.late` says): for a notice, even when its row is gone. */
  'outbox.late': event(z.object({ messageId: Id, accountId: Id, sendAfter: IsoDate, sentAt: IsoDate, late: OutboxLateness })),
};
