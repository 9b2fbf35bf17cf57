import { z } from 'zod';
import { Address, Id, IsoDate } from './common.js';
import { command } from './define.js';
import { Direction } from './messages.js';

/** A message, a read receipt (RFC 8098), a delivery report (RFC 3464), or a placeholder for a message we lack. */
export const ConversationNodeKind = z.enum(['message', 'receipt', 'delivery-report', 'missing']);
export type ConversationNodeKind = z.infer<typeof ConversationNodeKind>;

/** What tied a node to its parent: the subject is a guess, the others are what the messages say. */
export const ConversationLink = z.enum(['references', 'thread-index', 'report', 'subject']);
export type ConversationLink = z.infer<typeof ConversationLink>;

export const ConversationNode = z.object({
  /** "m:<id>" for a stored message, "missing:…" for a placeholder; unique in the answer. */
  key: z.string(),
  parentKey: z.string().nullable(),
  /** 0 for a root; children follow their parent, oldest first (depth-first order). */
  depth: z.number().int().min(0),
  kind: ConversationNodeKind,
  /** The stored message's id; null for a placeholder. */
  id: Id.nullable(),
  /** Its Message-ID; for a placeholder, the one its replies name (null when only a Thread-Index says it existed). */
  messageId: z.string().nullable(),
  linkedBy: ConversationLink.nullable(),
  /** Empty when the content is hidden (a colleague's private message), as in messages.list. */
  subject: z.string(),
  from: Address.nullable(),
  date: IsoDate.nullable(),
  direction: Direction.nullable(),
  folderId: Id.nullable(),
  /** The folder's path, e.g. "Contact/INBOX" or "Local Folders/Sent". */
  folder: z.string().nullable(),
  account: z.string().nullable(),
  seen: z.boolean(),
  private: z.boolean(),
  /** A private message the agent did not send: it shows who and when, not what. */
  contentHidden: z.boolean(),
});
export type ConversationNode = z.infer<typeof ConversationNode>;

export const threadsCommands = {
  /**
   * The whole conversation of a message as a tree, across every folder and account the agent may see: replies,
   * read receipts and delivery reports under what they answer, placeholders where a message is missing.
   */
  'threads.conversation': command(
    z.object({ messageId: Id }),
    z.object({ messageId: Id, nodes: z.array(ConversationNode), truncated: z.boolean() }),
  ),
};
