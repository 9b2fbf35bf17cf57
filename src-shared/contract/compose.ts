import { z } from 'zod';
import { Address, Id, IsoDate } from './common.js';
import { command } from './define.js';

/*
 * Writing and sending. The composer edits a Draft; the engine turns it into MIME (multipart/alternative with a
 * faithful text part, inline images as cid: parts, attachments), stores it in the account's Outbox and the sync
 * engine sends it. Drafts are kept by the engine (and in the server's Drafts for IMAP accounts), so closing the
 * window or the app never loses what was written.
 */

/** The size of all attachments a message may carry, unless the settings say otherwise. */
export const DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024;

/** A file a draft carries, by where its bytes are: never inline base64 once the engine has it. */
export const DraftAttachment = z.discriminatedUnion('kind', [
  /** A file chosen or dropped in the window: sent once as bytes, kept by the engine as a blob from then on. */
  z.object({ kind: z.literal('upload'), filename: z.string().min(1).max(255), contentType: z.string().max(200), data: z.base64() }),
  /** A file the engine already holds (an upload already received, a template's file). */
  z.object({ kind: z.literal('blob'), filename: z.string().min(1).max(255), contentType: z.string().max(200), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int() }),
  /** An attachment of a stored message (forwarding keeps the original's files). */
  z.object({ kind: z.literal('attachment'), attachmentId: Id, filename: z.string().min(1).max(255) }),
  /** A CRM document. */
  z.object({ kind: z.literal('document'), documentId: Id, filename: z.string().min(1).max(255) }),
  /** A whole stored message as an .eml attachment (forward as attachment). */
  z.object({ kind: z.literal('message'), messageId: Id, filename: z.string().min(1).max(255) }),
]);
export type DraftAttachment = z.infer<typeof DraftAttachment>;

/** What the draft answers or forwards, for headers (In-Reply-To, References), \Answered / $Forwarded and linking. */
export const DraftOrigin = z.object({ kind: z.enum(['reply', 'reply-all', 'forward']), messageId: Id }).nullable();

export const Draft = z.object({
  accountId: Id,
  to: z.array(Address).max(500),
  cc: z.array(Address).max(500),
  bcc: z.array(Address).max(500),
  subject: z.string().max(998),
  /** The body as the editor made it (untrusted only in the sense that it is sanitised before sending); "" in plain-text mode. */
  html: z.string().max(20_000_000),
  /** The body in plain-text mode; otherwise derived from the HTML by the engine. */
  text: z.string().max(20_000_000),
  plainText: z.boolean(),
  attachments: z.array(DraftAttachment).max(200),
  readReceipt: z.boolean(),
  private: z.boolean(),
  category: z.string().max(80).nullable(),
  /** When to send: null for "now". */
  sendAt: IsoDate.nullable(),
  origin: DraftOrigin,
  /** The template it was started from: the sent message gets the template's outgoing category. */
  templateId: Id.nullable(),
});
export type Draft = z.infer<typeof Draft>;

/** A problem with a recipient the composer warns about before sending (the send itself is not refused). */
export const RecipientWarning = z.object({ address: z.string(), reason: z.enum(['blacklisted', 'hard-bounce', 'soft-bounce', 'invalid']) });
export type RecipientWarning = z.infer<typeof RecipientWarning>;

export const RecipientSuggestion = z.object({
  name: z.string(),
  address: z.string(),
  contactId: Id.nullable(),
  companyName: z.string().nullable(),
  /** Recent correspondents who are no contact come after contacts. */
  source: z.enum(['contact', 'recent', 'agent']),
  blacklisted: z.boolean(),
  bounce: z.enum(['hard', 'soft']).nullable(),
});
export type RecipientSuggestion = z.infer<typeof RecipientSuggestion>;

export const SavedDraft = z.object({ id: Id, draft: Draft, savedAt: IsoDate, agentId: Id });
export type SavedDraft = z.infer<typeof SavedDraft>;

export const SignaturePosition = z.enum(['above-quote', 'below-quote']);
export const Signature = z.object({ accountId: Id, html: z.string(), position: SignaturePosition });
export type Signature = z.infer<typeof Signature>;

export const StartMode = z.enum(['new', 'reply', 'reply-all', 'forward', 'forward-as-attachment']);
export type StartMode = z.infer<typeof StartMode>;

export const composeCommands = {
  /**
   * A new draft as the composer opens it: the account chosen by the rules (a reply or forward uses the account the
   * original arrived on; otherwise the last one the agent used), recipients, "Re:"/"Fwd:" subject, the original
   * quoted (its HTML as stored: the composer sanitises it like the reading pane), the account's signature placed by
   * preference, the original's files for a forward. `accounts` are those the agent may send from, for the choice.
   */
  'compose.start': command(
    z.object({ mode: StartMode.default('new'), messageId: Id.optional(), contactId: Id.optional(), templateId: Id.optional(), quote: z.boolean().default(true) }),
    z.object({
      draft: Draft,
      /** The original, quoted, to put under the body ("" for a new message); the signature goes above or below it. */
      quoteHtml: z.string(),
      signatureHtml: z.string(),
      signaturePosition: SignaturePosition,
      /** True when the account was chosen without asking (the agent's own private account) and need not be shown as a question. */
      accountSettled: z.boolean(),
      accounts: z.array(z.object({ id: Id, name: z.string(), email: z.string(), private: z.boolean() })),
    }),
  ),
  /** Checks a draft without sending: recipients to warn about, the attachments' total size against the limit. */
  'compose.check': command(
    Draft,
    z.object({ warnings: z.array(RecipientWarning), attachmentBytes: z.number().int(), attachmentLimit: z.number().int() }),
  ),
  /**
   * Sends (or schedules) a draft: the MIME is built and stored in the Outbox, and the saved draft (if any) goes.
   * Refused with a reason (no recipient, no subject, over the size limit, an account the agent may not use).
   */
  'compose.send': command(
    z.object({ draft: Draft, draftId: Id.optional() }),
    z.object({ messageId: Id, messageIdHeader: z.string(), sendAt: IsoDate.nullable() }),
  ),
  /** Files received from the window, kept as blobs so drafts refer to them by hash. */
  'compose.upload': command(
    z.object({ filename: z.string().min(1).max(255), contentType: z.string().max(200), data: z.base64() }),
    DraftAttachment,
  ),

  'drafts.save': command(z.object({ id: Id.optional(), draft: Draft }), z.object({ id: Id, savedAt: IsoDate })),
  'drafts.get': command(z.object({ id: Id }), SavedDraft),
  'drafts.list': command(z.object({}), z.object({ items: z.array(SavedDraft) })),
  'drafts.delete': command(z.object({ id: Id }), z.object({ deleted: z.boolean() })),

  'recipients.suggest': command(z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(10) }), z.object({ items: z.array(RecipientSuggestion) })),

  'signatures.get': command(z.object({ accountId: Id }), Signature),
  'signatures.set': command(z.object({ accountId: Id, html: z.string().max(2_000_000), position: SignaturePosition }), Signature),
};
