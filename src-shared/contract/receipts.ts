import { z } from 'zod';
import { Id } from './common.js';
import { command } from './define.js';

/*
 * Read receipts (MDN, RFC 8098) and delivery reports (DSN, RFC 3464). Incoming receipts and reports are matched to
 * the original by Message-ID: a receipt marks it read by its recipient, a 5.x.x report marks it bounced and the
 * recipient's address hard-bounced, a 4.x.x report soft-bounced. Only a "displayed" receipt marks anything: "deleted"
 * (and the other dispositions) say it was not read, and the receipt itself, under its original in the conversation,
 * tells so. A message asking us for a receipt is never answered without the person saying so.
 */
export const receiptsCommands = {
  /**
   * The person's answer to "the sender asks for a read receipt": send it (a multipart/report through the outbox
   * of the account the message arrived on), or not. Either way the message is flagged $MDNSent so no client asks again.
   */
  'receipts.answer': command(z.object({ messageId: Id, send: z.boolean() }), z.object({ sent: z.boolean(), outboxMessageId: Id.nullable() })),
};
