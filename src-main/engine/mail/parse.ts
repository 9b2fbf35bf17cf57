import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { normalizeMessageId, parseMessageIdList } from '../../../src-shared/domain/message-id.js';
import { parseHeaderBlock } from './mime-scan.js';

export interface MailAddress {
  name: string;
  address: string;
}

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  contentId: string | null;
  inline: boolean;
}

export interface ParsedMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  date: Date | null;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  replyTo: MailAddress[];
  text: string | null;
  html: string | null;
  attachments: ParsedAttachment[];
  headerBlock: string;
  /** Why the content could not be decoded, when mailparser gave up; the fields then come from a plain header read. */
  parseError: string | null;
}

/** Decodes a raw message. Never throws: a message mailparser cannot read still yields what its headers say. */
export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const headerBlock = headerBlockOf(raw);
  try {
    const mail = await simpleParser(raw, { keepCidLinks: true, skipTextToHtml: true, skipImageLinks: true });
    return fromParsed(mail, headerBlock);
  } catch (error) {
    return fromHeadersOnly(headerBlock, `The message could not be decoded: ${(error as Error).message}`);
  }
}

function fromParsed(mail: ParsedMail, headerBlock: string): ParsedMessage {
  const from = addressesOf(mail.from)[0] ?? null;
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null;
  return {
    messageId: normalizeMessageId(mail.messageId),
    inReplyTo: parseMessageIdList(mail.inReplyTo)[0] ?? null,
    references: parseMessageIdList(mail.references),
    subject: mail.subject ?? '',
    date,
    from,
    to: addressesOf(mail.to),
    cc: addressesOf(mail.cc),
    bcc: addressesOf(mail.bcc),
    replyTo: addressesOf(mail.replyTo),
    text: mail.text ?? null,
    html: typeof mail.html === 'string' ? mail.html : null,
    attachments: mail.attachments.map(attachmentOf),
    headerBlock,
    parseError: null,
  };
}

function attachmentOf(a: Attachment, index: number): ParsedAttachment {
  const contentId = normalizeMessageId(a.contentId ?? a.cid ?? null);
  return {
    filename: a.filename?.trim() || defaultFilename(a.contentType, index),
    contentType: (a.contentType || 'application/octet-stream').toLowerCase(),
    content: a.content,
    contentId,
    inline: a.contentDisposition === 'inline' || (a.related === true && contentId !== null),
  };
}

/** A name for parts that have none (inline images, forwarded messages), so the UI and exports can offer one. */
function defaultFilename(contentType: string, index: number): string {
  const ext = contentType === 'message/rfc822' ? 'eml' : (contentType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin');
  return `part-${index + 1}.${ext}`;
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (!value) return [];
  const out: MailAddress[] = [];
  for (const obj of Array.isArray(value) ? value : [value]) {
    const stack = [...obj.value];
    while (stack.length > 0) {
      const entry = stack.shift()!;
      if (entry.group) stack.unshift(...entry.group);
      else if (entry.address) out.push({ name: entry.name ?? '', address: entry.address });
    }
  }
  return out;
}

function headerBlockOf(raw: Buffer): string {
  const text = raw.toString('latin1');
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) : raw.length;
  // Header bytes beyond ASCII are UTF-8 far more often than not (RFC 6532); decode them as such for display.
  return raw.subarray(0, end).toString('utf8');
}

function fromHeadersOnly(headerBlock: string, parseError: string): ParsedMessage {
  const h = parseHeaderBlock(headerBlock);
  const fromValue = h.get('from') ?? '';
  const addr = /<([^>]+)>/.exec(fromValue)?.[1] ?? (fromValue.includes('@') ? fromValue.trim() : '');
  const date = h.get('date') ? new Date(h.get('date')!) : null;
  return {
    messageId: normalizeMessageId(h.get('message-id')),
    inReplyTo: parseMessageIdList(h.get('in-reply-to'))[0] ?? null,
    references: parseMessageIdList(h.get('references')),
    subject: h.get('subject') ?? '',
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    from: addr ? { name: fromValue.replace(/<[^>]*>/, '').replace(/"/g, '').trim(), address: addr } : null,
    to: [],
    cc: [],
    bcc: [],
    replyTo: [],
    text: null,
    html: null,
    attachments: [],
    headerBlock,
    parseError,
  };
}
