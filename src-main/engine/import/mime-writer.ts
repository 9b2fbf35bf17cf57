import { createHash } from 'node:crypto';
import { buildHeaderValue, encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import type { MapiAddress } from './mapi-message.js';

/**
 * A small MIME writer whose output depends on nothing but its input: imported messages are de-duplicated by the
 * sha256 of their bytes, so the same Outlook item must always become the same bytes. Boundaries are therefore
 * derived from a hash of the parts they separate (never random), and no header carries "now".
 */

const CRLF = '\r\n';

export interface MimePart {
  /** Complete header lines, folded, without line ends. */
  headers: string[];
  /** The encoded body. */
  body: Buffer;
}

/** `Name: value`, with non-ASCII words as RFC 2047 encoded-words and the line folded at 76 columns. */
export function unstructuredHeader(name: string, value: string): string {
  return foldLines(`${name}: ${encodeWords(singleLine(value), 'Q', 52)}`, 76);
}

/** A header whose value is already valid ASCII (message ids, dates, content types): only folded. */
export function rawHeader(name: string, value: string): string {
  return foldLines(`${name}: ${singleLine(value)}`, 76);
}

function singleLine(value: string): string {
  return value.replace(/[\r\n]+[ \t]*/g, ' ').trim();
}

const ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/;

/** A display name as an RFC 5322 phrase: as is when it is atoms, quoted when it has specials, encoded when not ASCII. */
function phrase(name: string): string {
  const clean = singleLine(name);
  if (ATOM_PHRASE.test(clean)) return clean;
  if (/^[\x20-\x7e]*$/.test(clean)) return `"${clean.replace(/(["\\])/g, '\\$1')}"`;
  return encodeWords(clean, 'Q', 52);
}

/**
 * One address. An Outlook item may know a person only by name and Exchange (X.500) path; rather than invent an
 * address, such a person is written as an empty group (RFC 5322 §3.4, allowed in From/Sender by RFC 6854), which
 * keeps the name and gives parsers nothing false to link a contact to.
 */
function formatAddress(a: MapiAddress): string {
  const name = singleLine(a.name);
  const address = a.address.trim();
  if (!address) return `${phrase(name || 'Unknown')}: ;`;
  if (!name || name.toLowerCase() === address.toLowerCase()) return `<${address}>`;
  return `${phrase(name)} <${address}>`;
}

export function addressHeader(name: string, addresses: MapiAddress[]): string {
  return foldLines(`${name}: ${addresses.map(formatAddress).join(', ')}`, 76);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 §3.3 date-time, in UTC (MAPI times are UTC and carry no zone of their own). */
export function rfc5322Date(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** `type; param=value` with RFC 2231 continuations for long or non-ASCII parameter values. */
export function headerValue(value: string, params: Record<string, string> = {}): string {
  const kept = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== ''));
  return buildHeaderValue({ value, params: kept });
}

/** A text part in UTF-8: 7bit when it is short-lined ASCII, quoted-printable when mostly ASCII, base64 otherwise. */
export function textPart(subtype: 'plain' | 'html', text: string): MimePart {
  const crlfText = text.replace(/\r\n|\r|\n/g, CRLF);
  const bytes = Buffer.from(crlfText, 'utf8');
  const headers = [rawHeader('Content-Type', `text/${subtype}; charset=utf-8`)];
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(crlfText);
  if (ascii && crlfText.split(CRLF).every((line) => line.length <= 998)) {
    headers.push('Content-Transfer-Encoding: 7bit');
    return { headers, body: bytes };
  }
  // eslint-disable-next-line no-control-regex
  const nonAscii = crlfText.replace(/[\x00-\x7f]/g, '').length;
  if (nonAscii / Math.max(1, crlfText.length) < 0.3) {
    headers.push('Content-Transfer-Encoding: quoted-printable');
    return { headers, body: Buffer.from(qpWrap(qpEncode(bytes), 76), 'latin1') };
  }
  headers.push('Content-Transfer-Encoding: base64');
  return { headers, body: base64Body(bytes) };
}

export function base64Body(bytes: Buffer): Buffer {
  const b64 = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return Buffer.from(lines.join(CRLF), 'latin1');
}

/**
 * A multipart whose boundary is a hash of its children. "=_" cannot occur in base64 or quoted-printable text, and
 * the hash makes a clash with an embedded message's own boundaries as unlikely as a sha256 collision.
 */
export function multipart(subtype: 'mixed' | 'related' | 'alternative', parts: MimePart[]): MimePart {
  const serialized = parts.map(serializePart);
  const hash = createHash('sha256');
  for (const s of serialized) hash.update(s);
  const boundary = `=_fct_${subtype}_${hash.digest('hex').slice(0, 32)}`;
  const chunks: Buffer[] = [];
  for (const s of serialized) chunks.push(Buffer.from(`--${boundary}${CRLF}`, 'latin1'), s, Buffer.from(CRLF, 'latin1'));
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`, 'latin1'));
  return {
    headers: [`Content-Type: multipart/${subtype};${CRLF} boundary="${boundary}"`],
    body: Buffer.concat(chunks),
  };
}

export function serializePart(part: MimePart): Buffer {
  return Buffer.concat([Buffer.from(part.headers.join(CRLF) + CRLF + CRLF, 'utf8'), part.body]);
}
