import { detectMimeType } from 'nodemailer/lib/mime-funcs';
import type { MapiAttachment, MapiFileAttachment, MapiMessage } from './mapi-message.js';
import {
  addressHeader, base64Body, headerValue, multipart, rawHeader, rfc5322Date, serializePart, textPart, unstructuredHeader,
  type MimePart,
} from './mime-writer.js';
import { decompressRtf, rtfToBody } from './rtf-body.js';

/**
 * An Outlook item (from a .msg file or a PST) → RFC 5322 bytes. When the item kept the headers it was received
 * with, they are kept as they were (the Content-* ones describe a MIME body Outlook did not keep, so they go) and
 * a new MIME body is built from the item's properties; otherwise the headers are rebuilt from its properties too.
 * The output depends on the item alone: reading the same item twice gives the same bytes.
 */
export function mapiToMime(msg: MapiMessage): Buffer {
  const headers = msg.transportHeaders.trim() ? keptTransportHeaders(msg) : propertyHeaders(msg);
  const body = bodyPart(msg);
  return serializePart({ headers: [...headers, 'MIME-Version: 1.0', ...body.headers], body: body.body });
}

function propertyHeaders(msg: MapiMessage): string[] {
  const out: string[] = [];
  if (msg.from) out.push(addressHeader('From', [msg.from]));
  for (const kind of ['to', 'cc', 'bcc'] as const) {
    const list = msg.recipients.filter((r) => r.kind === kind);
    if (list.length) out.push(addressHeader(kind === 'to' ? 'To' : kind === 'cc' ? 'Cc' : 'Bcc', list));
  }
  out.push(unstructuredHeader('Subject', msg.subject));
  if (msg.date) out.push(rawHeader('Date', rfc5322Date(msg.date)));
  if (msg.messageId.trim()) out.push(rawHeader('Message-ID', msg.messageId));
  if (msg.inReplyTo.trim()) out.push(rawHeader('In-Reply-To', msg.inReplyTo));
  if (msg.references.trim()) out.push(rawHeader('References', msg.references));
  return out;
}

/** Headers that describe the MIME body, which is rebuilt; Content-Language and the like still hold and stay. */
const DROPPED = /^(content-(type|transfer-encoding|disposition|id|description|md5|length)|mime-version)$/i;

function keptTransportHeaders(msg: MapiMessage): string[] {
  const lines = msg.transportHeaders.replace(/\r\n|\r|\n/g, '\n').split('\n');
  const fields: string[][] = [];
  for (const line of lines) {
    if (line === '') {
      if (fields.length) break; // the header block ends at its first blank line; anything after is not headers
      continue;
    }
    if (/^[ \t]/.test(line)) {
      fields.at(-1)?.push(line);
    } else if (/^[!-9;-~]+:/.test(line)) {
      fields.push([line]);
    }
    // Anything else (Exchange's "Microsoft Mail Internet Headers Version 2.0" first line) is not a header field.
  }
  const kept = fields.filter((f) => !DROPPED.test(f[0]!.slice(0, f[0]!.indexOf(':')).trim()));
  const has = (name: string) => kept.some((f) => f[0]!.toLowerCase().startsWith(`${name}:`));
  const out = kept.map((f) => f.join('\r\n'));
  // Headers an import relies on that a truncated block may lack are filled in from the properties.
  const fromProps = propertyHeaders(msg);
  for (const name of ['from', 'subject', 'date', 'message-id']) {
    if (!has(name)) out.push(...fromProps.filter((h) => h.toLowerCase().startsWith(`${name}:`)));
  }
  return out;
}

function bodyPart(msg: MapiMessage): MimePart {
  const { text, html } = bodies(msg);
  const textParts: MimePart[] = [];
  if (text !== null) textParts.push(textPart('plain', text));
  if (html !== null) textParts.push(textPart('html', html));
  let core = textParts.length === 1 ? textParts[0]! : multipart('alternative', textParts);

  const inline: MimePart[] = [];
  const attached: MimePart[] = [];
  msg.attachments.forEach((a) => {
    if (a.kind === 'file' && isInline(a, html)) inline.push(filePart(a, 'inline'));
    else attached.push(attachmentPart(a));
  });
  if (inline.length) core = multipart('related', [core, ...inline]);
  return attached.length ? multipart('mixed', [core, ...attached]) : core;
}

/**
 * Which bodies the item has. HTML comes from PR_HTML, else from RTF that encapsulates HTML; text from PR_BODY,
 * else from the RTF (encapsulated text, or plain RTF turned into text). An item with no body gets an empty text.
 */
function bodies(msg: MapiMessage): { text: string | null; html: string | null } {
  let text = msg.text !== null && msg.text.trim() !== '' ? msg.text : null;
  let html = msg.html !== null && msg.html.trim() !== '' ? msg.html : null;
  if (html === null && msg.compressedRtf && msg.compressedRtf.length > 0) {
    const rtf = rtfFromCompressed(msg.compressedRtf);
    if (rtf) {
      const body = rtfToBody(rtf);
      if (body.kind === 'html') html = body.html;
      else if (text === null && body.text.trim() !== '') text = body.text;
    }
  }
  if (text === null && html === null) text = msg.text ?? '';
  return { text, html };
}

function rtfFromCompressed(compressed: Uint8Array): Buffer | null {
  try {
    return decompressRtf(compressed);
  } catch {
    return null; // damaged RTF: the plain-text body, when there is one, still stands
  }
}

function isInline(a: MapiFileAttachment, html: string | null): boolean {
  return a.contentId !== '' && html !== null && html.toLowerCase().includes(`cid:${a.contentId.toLowerCase()}`);
}

function attachmentPart(a: MapiAttachment): MimePart {
  if (a.kind === 'file') return filePart(a, 'attachment');
  const inner = mapiToMime(a.message);
  const base = (a.filename.trim() || a.message.subject.trim() || 'message').replace(/\.(eml|msg)$/i, '');
  return {
    headers: [
      'Content-Type: message/rfc822',
      // RFC 2046 §5.2.1: a message/rfc822 body is never base64; 8bit when the inner headers carry raw UTF-8.
      `Content-Transfer-Encoding: ${inner.some((b) => b > 0x7f) ? '8bit' : '7bit'}`,
      rawHeader('Content-Disposition', headerValue('attachment', { filename: `${base}.eml` })),
    ],
    body: inner,
  };
}

function filePart(a: MapiFileAttachment, disposition: 'inline' | 'attachment'): MimePart {
  const type = contentTypeOf(a);
  const headers = [
    rawHeader('Content-Type', headerValue(type, { name: a.filename })),
    'Content-Transfer-Encoding: base64',
    rawHeader('Content-Disposition', headerValue(disposition, { filename: a.filename })),
  ];
  if (a.contentId) headers.push(rawHeader('Content-ID', `<${a.contentId}>`));
  return { headers, body: base64Body(a.data) };
}

function contentTypeOf(a: MapiFileAttachment): string {
  const tag = a.mimeType.trim().toLowerCase();
  if (/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(tag)) return tag;
  return a.filename ? detectMimeType(a.filename) : 'application/octet-stream';
}
