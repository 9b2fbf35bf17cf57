import { z } from 'zod';
import { Address, Id, IsoDate } from './common.js';
import { command } from './define.js';
import { MessageLink } from './link.js';

export const MessageFlags = z.object({
  seen: z.boolean(),
  flagged: z.boolean(),
  answered: z.boolean(),
  draft: z.boolean(),
  junk: z.boolean(),
  /** A read receipt was sent (or declined) for it: the $MDNSent keyword of RFC 3503, so no client asks again. */
  mdnSent: z.boolean(),
});
export type MessageFlags = z.infer<typeof MessageFlags>;

export const Direction = z.enum(['in', 'out']);

export const MessageSummary = z.object({
  id: Id,
  folderId: Id,
  subject: z.string(),
  from: Address.nullable(),
  to: z.array(Address),
  date: IsoDate.nullable(),
  direction: Direction,
  flags: MessageFlags,
  malformed: z.boolean(),
  /** Private messages show their content only to the agent who sent them; others see an empty subject. */
  private: z.boolean(),
  hasAttachments: z.boolean(),
  size: z.number().int(),
  threadId: z.string(),
  snippet: z.string(),
  accountId: Id.nullable(),
  category: z.string().nullable(),
  /** Answers another message (In-Reply-To or References): the forum marker. */
  isReply: z.boolean(),
  /** How many other messages the agent may see share its conversation. */
  related: z.number().int(),
  /** The first attachment that is not an image drawn in the body, for its type icon. */
  firstAttachment: z.object({ contentType: z.string(), filename: z.string() }).nullable(),
  /** The records it is filed under (contacts, companies) and why. */
  links: z.array(MessageLink),
});
export type MessageSummary = z.infer<typeof MessageSummary>;

export const AttachmentInfo = z.object({
  id: Id,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  contentId: z.string().nullable(),
  inline: z.boolean(),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

export const MessageDetail = z.object({
  id: Id,
  messageId: z.string().nullable(),
  subject: z.string(),
  from: Address.nullable(),
  to: z.array(Address),
  cc: z.array(Address),
  bcc: z.array(Address),
  replyTo: z.array(Address),
  date: IsoDate.nullable(),
  folderId: Id,
  folder: z.string(),
  direction: Direction,
  flags: MessageFlags,
  malformed: z.boolean(),
  /** Why the message was flagged malformed, in English for logs; the UI shows its own words. */
  malformedReason: z.string().nullable(),
  attachments: z.array(AttachmentInfo),
  threadId: z.string(),
  size: z.number().int(),
  category: z.string().nullable(),
  private: z.boolean(),
  text: z.string().nullable(),
  /** The HTML source with `cid:` references to this message's own parts turned into data: URLs. Untrusted. */
  html: z.string().nullable(),
  /** The agent has allowed remote content from this message's sender (see senders.setRemoteContent). */
  remoteContentAllowed: z.boolean(),
  links: z.array(MessageLink),
  /** The sender asks for a read receipt (Disposition-Notification-To) and nobody answered yet ($MDNSent unset). */
  receiptRequested: z.boolean(),
  /** A read receipt for this message came back: when its recipient read it. */
  readByRecipientAt: IsoDate.nullable(),
  /** A delivery report said it could not be delivered: for good (5.x.x) or for now (4.x.x). */
  bounce: z.enum(['hard', 'soft']).nullable(),
});
export type MessageDetail = z.infer<typeof MessageDetail>;

/** A folder is named by its id or by its path ("Local Folders/Inbox"). */
export const FolderRef = z.union([Id, z.string().min(1)]);

const base64 = z.base64();

/** What a search looks in; "contains" semantics for the short fields, word and prefix for body text. */
export const SearchField = z.enum(['subject-sender', 'subject-people', 'fulltext', 'attachment', 'category', 'unknown-sender']);
export type SearchField = z.infer<typeof SearchField>;

/** Lists that gather several folders: every visible inbox, and the newest sent or received mail everywhere. */
export const MessageView = z.enum(['inboxes', 'last-sent', 'last-received']);
export type MessageView = z.infer<typeof MessageView>;
/** The two "last" views hold this many messages. */
export const LAST_VIEW_SIZE = 1000;

export const SortKey = z.enum(['date', 'subject', 'correspondent', 'from', 'to', 'size', 'flagged', 'seen', 'attachment', 'direction', 'category', 'contact', 'company', 'task', 'linked']);
export type SortKey = z.infer<typeof SortKey>;
export const MessageSort = z.object({ by: SortKey, dir: z.enum(['asc', 'desc']) });
export type MessageSort = z.infer<typeof MessageSort>;

export const messagesCommands = {
  /** One folder or one view, sorted by one column (ties newest first). */
  'messages.list': command(
    z
      .object({
        folderId: Id.optional(),
        view: MessageView.optional(),
        sort: MessageSort.default({ by: 'date', dir: 'desc' }),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .refine((i) => (i.folderId === undefined) !== (i.view === undefined), { message: 'Give either folderId or view, not both' }),
    z.object({ total: z.number().int(), items: z.array(MessageSummary) }),
  ),
  /** Sent and received together, newest first, in a folder and its subfolders (or everywhere the agent may look). */
  'messages.search': command(
    z.object({
      query: z.string().max(500),
      field: SearchField.default('subject-people'),
      folderId: Id.nullable().default(null),
      /** Only messages dated from `since` (inclusive) to `until` (exclusive). */
      since: IsoDate.optional(),
      until: IsoDate.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ items: z.array(MessageSummary), more: z.boolean() }),
  ),
  'messages.get': command(z.object({ id: Id }), MessageDetail),
  'messages.source': command(z.object({ id: Id }), z.object({ raw: base64, size: z.number().int() })),
  'messages.ingest': command(
    z.object({ folder: FolderRef.optional(), raw: base64 }),
    z.object({ id: Id, duplicate: z.boolean(), malformed: z.boolean() }),
  ),
  'messages.move': command(
    z.object({ ids: z.array(Id).min(1).max(10_000), folderId: Id, copy: z.boolean().default(false) }),
    z.object({ moved: z.number().int() }),
  ),
  /** To the account's Trash; from Trash (or with permanent), gone here and on the server. */
  'messages.delete': command(
    z.object({ ids: z.array(Id).min(1).max(10_000), permanent: z.boolean().default(false) }),
    z.object({ trashed: z.number().int(), removed: z.number().int() }),
  ),
  /**
   * Junk goes to its account's Junk folder (Local Folders' for local mail), flagged $Junk for the server's filter;
   * "not junk" from a Junk folder goes back to the Inbox, flagged $NotJunk.
   */
  'messages.setJunk': command(
    z.object({ ids: z.array(Id).min(1).max(10_000), junk: z.boolean() }),
    z.object({ updated: z.number().int(), moved: z.number().int() }),
  ),
  /** Every id of a folder or view in the list's order, for "select all" and shift-click ranges over unloaded rows. */
  'messages.ids': command(
    z
      .object({ folderId: Id.optional(), view: MessageView.optional(), sort: MessageSort.default({ by: 'date', dir: 'desc' }) })
      .refine((i) => (i.folderId === undefined) !== (i.view === undefined), { message: 'Give either folderId or view, not both' }),
    z.object({ ids: z.array(Id) }),
  ),
  /** A category name (see categories.list), or null to clear it; kept on this computer. */
  'messages.setCategory': command(
    z.object({ ids: z.array(Id).min(1).max(10_000), category: z.string().trim().min(1).max(80).nullable() }),
    z.object({ updated: z.number().int() }),
  ),
  /**
   * Private: only the agent who owns the message (who sent it, or who marks it first) sees its content; others see
   * that it exists. Only that agent can make it public again.
   */
  'messages.setPrivate': command(z.object({ ids: z.array(Id).min(1).max(10_000), private: z.boolean() }), z.object({ updated: z.number().int() })),
  'messages.setFlags': command(
    z.object({ ids: z.array(Id).min(1).max(10_000), flags: MessageFlags.partial() }),
    z.object({ updated: z.number().int() }),
  ),
};
