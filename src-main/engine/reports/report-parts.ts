import { headerParam, parseHeaderBlock, scanMime } from '../mail/mime-scan.js';

/** One leaf of a message, decoded to text (report parts are short and mostly ASCII). */
export interface TextPart {
  contentType: string;
  text: string;
}

/** What a report reader needs of a message: its top-level headers and its leaves as text, in order. */
export interface ReportSource {
  headers: Map<string, string>;
  /** Content-Type of the whole message, lower-cased, without parameters. */
  contentType: string;
  /** report-type of a multipart/report (RFC 6522 §3), lower-cased; null otherwise. */
  reportType: string | null;
  parts: TextPart[];
}

/** Reports are read only from the first bytes: a returned message can be large, and its headers come first. */
const READ_LIMIT = 256 * 1024;

export function reportSource(raw: Buffer): ReportSource {
  const head = raw.subarray(0, READ_LIMIT);
  const text = head.toString('latin1');
  const headerEnd = /\r?\n\r?\n/.exec(text);
  const headers = parseHeaderBlock(headerEnd ? text.slice(0, headerEnd.index) : text);
  const contentTypeValue = headers.get('content-type') ?? 'text/plain';
  const contentType = contentTypeValue.split(';')[0]!.trim().toLowerCase();
  const reportType = contentType === 'multipart/report' ? (headerParam(contentTypeValue, 'report-type')?.toLowerCase() ?? null) : null;
  const parts = scanMime(head).leaves.map((leaf) => ({
    contentType: leaf.contentType,
    text: decode(head.subarray(leaf.bodyStart, leaf.bodyEnd), leaf.encoding),
  }));
  return { headers, contentType, reportType, parts };
}

/** RFC 2045 §6: base64 and quoted-printable undone; the bytes read as UTF-8, which ASCII report fields are too. */
function decode(body: Buffer, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const soft = body.toString('latin1').replace(/=\r?\n/g, '');
    return Buffer.from(soft.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  return body.toString('utf8');
}

/** The header block at the start of a returned message or of a text/rfc822-headers part. */
export function headerBlockOf(text: string): Map<string, string> {
  return parseHeaderBlock(text.replace(/^(?:\r?\n)+/, '').split(/\r?\n\r?\n/, 1)[0]!);
}

/**
 * Field groups of a message/delivery-status or message/disposition-notification body (RFC 3464 §2.1,
 * RFC 8098 §3.1): groups separated by blank lines, continuation lines unfolded, names lower-cased. Each group
 * keeps every occurrence of a name in order.
 */
export function fieldGroups(text: string): Array<Map<string, string[]>> {
  const groups: Array<Map<string, string[]>> = [];
  for (const block of text.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/)) {
    const fields = new Map<string, string[]>();
    for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0 || !/^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon).trim())) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      fields.set(name, [...(fields.get(name) ?? []), line.slice(colon + 1).trim()]);
    }
    if (fields.size > 0) groups.push(fields);
  }
  return groups;
}

/** `rfc822; user@host` (or a bare or bracketed address) as the normalised address; null for other address types. */
export function typedAddress(value: string | undefined): string | null {
  if (!value) return null;
  const semi = value.indexOf(';');
  const type = semi === -1 ? 'rfc822' : value.slice(0, semi).trim().toLowerCase();
  if (type !== 'rfc822' && type !== 'utf-8') return null;
  const address = (semi === -1 ? value : value.slice(semi + 1)).trim().replace(/^<|>$/g, '').trim().toLowerCase();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? address : null;
}
