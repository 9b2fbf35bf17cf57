import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Address } from '../../../src-shared/contract/index.js';
import type { OutgoingFile } from './draft-files.js';
import { htmlDocument, sanitizeOutgoingHtml, textOfHtml } from './html-body.js';
import { InlinePictures } from './inline-images.js';

export interface OutgoingMail {
  from: Address;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  subject: string;
  /** The editor's HTML, or null for a plain-text message. */
  html: string | null;
  /** The body of a plain-text message (ignored with HTML: the text part is made from the HTML). */
  text: string;
  files: OutgoingFile[];
  readReceipt: boolean;
  /** Message-IDs without angle brackets. */
  inReplyTo: string | null;
  references: string[];
  /** The sending account's domain, for the Message-ID and the pictures' Content-IDs. */
  domain: string;
  date?: Date;
}

export interface BuiltMessage {
  raw: Buffer;
  /** As in the header, with its angle brackets. */
  messageId: string;
}

/**
 * The MIME of a message Facteur sends, built by nodemailer's MailComposer (never by hand): multipart/mixed around
 * multipart/alternative (the text part, then multipart/related of the HTML and its pictures), non-ASCII names,
 * subjects and file names encoded by RFC 2047 and RFC 2231. Bcc stays in this copy (the sender's record); the
 * outbox strips it from the bytes on the wire.
 */
export async function buildMime(mail: OutgoingMail): Promise<BuiltMessage> {
  const messageId = `<${randomUUID()}@${mail.domain}>`;
  const body = mail.html === null ? { text: mail.text } : htmlBody(mail.html, mail.domain);
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    subject: mail.subject,
    messageId,
    date: mail.date ?? new Date(),
    ...(mail.inReplyTo ? { inReplyTo: `<${mail.inReplyTo}>` } : {}),
    ...(mail.references.length > 0 ? { references: mail.references.map((r) => `<${r}>`) } : {}),
    text: body.text,
    ...('html' in body ? { html: body.html } : {}),
    attachments: [
      ...('images' in body ? body.images.map((i) => ({ cid: i.cid, filename: i.filename, contentType: i.contentType, content: i.content, contentDisposition: 'inline' })) : []),
      // A forwarded message too is an attachment the recipient saves (nodemailer would show message/* inline).
      ...mail.files.map((f) => ({ filename: f.filename, contentType: f.contentType, content: f.content, contentDisposition: 'attachment' })),
    ],
    // RFC 8098 §2.1: the address the read receipt goes to; the From address, as every client sets it.
    ...(mail.readReceipt ? { headers: { 'Disposition-Notification-To': mail.from.address } } : {}),
    newline: 'windows',
    // Everything is given as bytes: nothing may be read from a path or fetched from a URL while building.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const root = composer.compile();
  root.keepBcc = true;
  const raw = await root.build();
  return { raw, messageId };
}

function htmlBody(editorHtml: string, domain: string) {
  const pictures = new InlinePictures(domain);
  const clean = pictures.replace(sanitizeOutgoingHtml(pictures.replace(editorHtml)));
  // A picture the raw markup hid in what sanitising removed (a comment, a script) is not sent.
  const images = pictures.images.filter((i) => clean.includes(`cid:${i.cid}`));
  return { html: htmlDocument(clean), text: textOfHtml(clean), images };
}
