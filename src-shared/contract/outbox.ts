import { z } from 'zod';
import { Address, Id, IsoDate } from './common.js';
import { command } from './define.js';

export const OutboxState = z.enum(['queued', 'sending', 'sent', 'failed', 'unknown']);
export type OutboxState = z.infer<typeof OutboxState>;

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
};
