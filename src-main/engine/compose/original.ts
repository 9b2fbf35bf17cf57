import { parseMessageIdList } from '../../../src-shared/domain/message-id.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { forbidden } from '../errors.js';
import { resolveCidLinks } from '../mail/cid.js';
import { parseHeaderBlock } from '../mail/mime-scan.js';
import type { Access } from '../services/access.js';
import type { AttachmentRow, MessageRow, MessagesRepo } from '../store/messages-repo.js';
import type { QuotedOriginal } from './quote.js';
import type { RepliedMessage } from './reply-recipients.js';

/** A stored message being answered or forwarded, as the composer needs it. */
export interface Original extends QuotedOriginal, RepliedMessage {
  id: number;
  row: MessageRow;
  messageId: string | null;
  /** The References a reply carries (RFC 5322 §3.6.4): the original's own, or its In-Reply-To, then its Message-ID. */
  replyReferences: string[];
  /** Its files that are not pictures of its HTML, to forward. */
  files: AttachmentRow[];
}

export interface OriginalDeps {
  messages: MessagesRepo;
  access: Access;
  blobs: BlobStore;
}

/** Reads a message the agent answers or forwards, with the checks of messages.get (and its content, never hidden). */
export function readOriginal(deps: OriginalDeps, agentId: number, id: number): Original {
  const row = deps.messages.get(id);
  deps.access.folder(agentId, row.folder_id);
  if (!deps.access.canSeeContent(agentId, row)) throw forbidden('answer or forward this message: it is private to the agent who sent it');
  const roles = deps.messages.addressesOf([id], ['from', 'to', 'cc', 'reply-to']).get(id);
  const attachments = deps.messages.attachmentsOf(id);
  const referenced = (a: AttachmentRow) => a.content_id !== null && row.html_body !== null && row.html_body.toLowerCase().includes(`cid:${a.content_id.toLowerCase()}`);
  const html =
    row.html_body === null
      ? null
      : resolveCidLinks(
          row.html_body,
          attachments.filter((a) => a.content_id).map((a) => ({ contentId: a.content_id!, contentType: a.content_type, load: () => deps.blobs.read(a.sha256) })),
        );
  const headers = parseHeaderBlock(row.headers ?? '');
  const own = parseMessageIdList(headers.get('references') ?? null);
  const parent = own.length > 0 ? own : parseMessageIdList(headers.get('in-reply-to') ?? null).slice(0, 1);
  return {
    id,
    row,
    messageId: row.message_id,
    replyReferences: row.message_id ? [...parent.filter((r) => r !== row.message_id), row.message_id] : parent,
    from: roles?.get('from')?.[0] ?? null,
    to: roles?.get('to') ?? [],
    cc: roles?.get('cc') ?? [],
    replyTo: roles?.get('reply-to') ?? [],
    date: row.date !== null ? new Date(row.date) : null,
    subject: row.subject,
    html,
    text: row.text_body,
    files: attachments.filter((a) => !referenced(a)),
  };
}
