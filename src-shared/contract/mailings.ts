import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { command, event } from './define.js';
import { NamedRecord, RecordRef } from './link.js';

/*
 * A group mailing: one template to many recipients, each message personalised and sent separately through the
 * outbox at a throttled rate per account; recipients who are blacklisted, hard-bounced or without an address are
 * skipped and listed. The mailing is one item with its recipients.
 */

export const MailingState = z.enum(['running', 'paused', 'cancelled', 'done']);
export const Mailing = z.object({
  id: Id,
  templateId: Id,
  templateName: z.string(),
  accountId: Id,
  subject: z.string(),
  state: MailingState,
  total: z.number().int(),
  queued: z.number().int(),
  sent: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  perMinute: z.number().int(),
  createdAt: IsoDate,
});
export type Mailing = z.infer<typeof Mailing>;

export const MailingRecipient = z.object({
  record: NamedRecord.nullable(),
  name: z.string(),
  address: z.string().nullable(),
  state: z.enum(['waiting', 'queued', 'sent', 'failed', 'skipped']),
  reason: z.enum(['blacklisted', 'hard-bounce', 'no-address', 'duplicate', 'send-failed']).nullable(),
  /** The personalised message, once built. */
  messageId: Id.nullable(),
});
export type MailingRecipient = z.infer<typeof MailingRecipient>;

export const mailingsCommands = {
  /**
   * Starts a mailing. Recipients are records: a contact, a lead, a company (its contacts), or an agent; each
   * address once. Refused when no recipient has a usable address.
   */
  'mailings.create': command(
    z.object({
      templateId: Id,
      accountId: Id,
      recipients: z.array(z.union([RecordRef, z.object({ type: z.literal('agent'), id: Id })])).min(1).max(20_000),
      perMinute: z.number().int().min(1).max(600).default(30),
    }),
    Mailing,
  ),
  'mailings.list': command(z.object({}), z.object({ items: z.array(Mailing) })),
  'mailings.get': command(
    z.object({ id: Id, limit: z.number().int().min(1).max(500).default(500), offset: z.number().int().min(0).default(0) }),
    z.object({ mailing: Mailing, recipients: z.array(MailingRecipient), total: z.number().int() }),
  ),
  'mailings.pause': command(z.object({ id: Id }), Mailing),
  'mailings.resume': command(z.object({ id: Id }), Mailing),
  /** Stops it: messages not yet handed to the outbox are not sent; those already queued go. */
  'mailings.cancel': command(z.object({ id: Id }), Mailing),
};

export const mailingsEvents = {
  'mailing.progress': event(z.object({ id: Id, state: MailingState, queued: z.number().int(), sent: z.number().int(), skipped: z.number().int(), failed: z.number().int(), total: z.number().int() })),
};
