import msgreader, { type FieldsData } from '@kenjiuno/msgreader';
import { EngineError } from '../errors.js';
import { ansiCodepageOf } from './codepages.js';
import type { MapiAddress, MapiAttachment, MapiMessage, MapiRecipient } from './mapi-message.js';

// A CommonJS module with an ES "default": Node's ESM loader hands over module.exports (the class is its .default),
// while bundler-style interop (vitest) hands over the class itself.
type MsgReaderClass = typeof msgreader.default;
const loaded = msgreader as unknown as MsgReaderClass | { default: MsgReaderClass };
const MsgReader: MsgReaderClass = typeof loaded === 'function' ? loaded : loaded.default;
type Reader = InstanceType<typeof MsgReader>;

/**
 * An Outlook .msg file (CFB, [MS-OXMSG]) → the item's MAPI properties. Strings stored in the "ANSI" form are
 * decoded in the item's own code page: msgreader is told which one once the item's code page properties are known.
 */
export function readMsgFile(bytes: Buffer, name = 'the file'): MapiMessage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notMsg = (why: string) => new EngineError('INVALID_INPUT', `${name} is not an Outlook item (.msg) or is damaged: ${why}`);
  const parse = (ansiEncoding?: string) => {
    const reader = new MsgReader(view);
    reader.parserConfig = ansiEncoding ? { includeRawProps: true, ansiEncoding } : { includeRawProps: true };
    try {
      return { reader, data: reader.getFileData() };
    } catch (error) {
      // msgreader reads the compound file without bounds checks of its own: a truncated file ends in a RangeError.
      throw notMsg((error as Error).message);
    }
  };
  let { reader, data } = parse();
  if (data.error || data.dataType !== 'msg') throw notMsg(data.error ?? 'no message properties');
  if (hasAnsiStrings(data)) ({ reader, data } = parse(`cp${ansiCodepageOf(data.messageCodepage, data.internetCodepage)}`));
  try {
    return toMapi(reader, data);
  } catch (error) {
    throw notMsg((error as Error).message);
  }
}


function hasAnsiStrings(data: FieldsData): boolean {
  const any = (f: FieldsData): boolean =>
    (f.rawProps ?? []).some((p) => p.propertyTag?.endsWith('001e')) ||
    (f.recipients ?? []).some(any) ||
    (f.attachments ?? []).some((a) => any(a) || (a.innerMsgContentFields ? any(a.innerMsgContentFields) : false));
  return any(data);
}

function rawString(f: FieldsData, tag: number): string {
  const hex = tag.toString(16).padStart(4, '0');
  const prop = (f.rawProps ?? []).find((p) => p.propertyTag === `${hex}001f` || p.propertyTag === `${hex}001e`);
  return typeof prop?.value === 'string' ? prop.value.replace(/\0+$/, '') : '';
}

const PR_SENT_REPRESENTING_EMAIL = 0x0065;
const PR_INTERNET_REFERENCES = 0x1039;
const PR_IN_REPLY_TO_ID = 0x1042;

function toMapi(reader: Reader, f: FieldsData): MapiMessage {
  return {
    messageClass: f.messageClass ?? '',
    transportHeaders: f.headers ?? '',
    subject: f.subject ?? '',
    from: senderOf(f),
    recipients: (f.recipients ?? []).map(recipientOf).filter((r): r is MapiRecipient => r !== null),
    date: firstDate(f.clientSubmitTime, f.messageDeliveryTime, f.lastModificationTime, f.creationTime),
    messageId: f.messageId ?? '',
    inReplyTo: rawString(f, PR_IN_REPLY_TO_ID),
    references: rawString(f, PR_INTERNET_REFERENCES),
    text: f.body ?? null,
    html: f.html ? Buffer.from(f.html).toString('utf8') : (f.bodyHtml ?? null),
    compressedRtf: f.compressedRtf ?? null,
    attachments: (f.attachments ?? []).map((a) => attachmentOf(reader, a)),
  };
}

function isSmtp(type: string | undefined, address: string | undefined): address is string {
  return !!address && (type?.toUpperCase() === 'SMTP' || (!type && address.includes('@') && !address.startsWith('/')));
}

export function senderOf(f: FieldsData): MapiAddress | null {
  const address = f.senderSmtpAddress ||
    (isSmtp(f.senderAddressType, f.senderEmail) ? f.senderEmail : '') ||
    f.sentRepresentingSmtpAddress ||
    (isSmtp(undefined, rawString(f, PR_SENT_REPRESENTING_EMAIL)) ? rawString(f, PR_SENT_REPRESENTING_EMAIL) : '');
  const name = f.senderName ?? '';
  if (!address && !name) return null;
  return { name: cleanName(name, address ?? ''), address: address ?? '' };
}

function recipientOf(r: FieldsData): MapiRecipient | null {
  const address = r.smtpAddress || (isSmtp(r.addressType, r.email) ? r.email : '') || '';
  const name = r.name ?? '';
  if (!address && !name) return null;
  return { kind: r.recipType ?? 'to', name: cleanName(name, address), address };
}

/** Outlook shows an address typed by hand as the name 'someone@example.com', quotes included. */
function cleanName(name: string, address: string): string {
  const unquoted = name.replace(/^'(.*)'$/, '$1');
  return unquoted.toLowerCase() === address.toLowerCase() ? '' : name;
}

function firstDate(...values: (string | undefined)[]): Date | null {
  for (const v of values) {
    if (!v) continue;
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return null;
}

function attachmentOf(reader: Reader, a: FieldsData): MapiAttachment {
  if (a.innerMsgContent && a.innerMsgContentFields) {
    return { kind: 'message', filename: a.fileName || a.name || '', message: toMapi(reader, a.innerMsgContentFields) };
  }
  const content = reader.getAttachment(a).content;
  return {
    kind: 'file',
    filename: a.fileName || a.fileNameShort || a.name || '',
    mimeType: a.attachMimeTag ?? '',
    contentId: (a.pidContentId ?? '').replace(/^<|>$/g, ''),
    data: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
  };
}
