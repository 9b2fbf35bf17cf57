import { CR, LF, NO_FINAL_LINE_BREAK } from '../import/mboxrd.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HEADER_SCAN_BYTES = 64 * 1024;

/**
 * The "From " line an mbox puts before a message: the envelope sender (Return-Path, else the From address,
 * else MAILER-DAEMON) and the arrival time as asctime in UTC ("Thu Nov 21 13:20:54 1996"), marked when the message
 * has no final line break (mboxrd.ts). Only message content and `receivedAt` go in, so the same message always
 * gets the same line.
 */
export function envelopeLine(raw: Buffer, receivedAt?: Date): string {
  const headers = headerBlock(raw);
  const openEnd = raw.length === 0 || raw[raw.length - 1] !== LF ? NO_FINAL_LINE_BREAK : '';
  return `From ${envelopeSender(headers)} ${asctime(arrival(headers, receivedAt))}${openEnd}`;
}

/** The line end a message's own lines use, for its envelope line and the line end that follows it. */
export function lineEndOf(raw: Buffer): string {
  // A message that ends with a bare CR needs CRLF after it: a lone LF would join it into a CRLF the reader removes.
  if (raw.length > 0 && raw[raw.length - 1] === CR) return '\r\n';
  const nl = raw.indexOf(LF);
  return nl > 0 && raw[nl - 1] === CR ? '\r\n' : '\n';
}

function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, HEADER_SCAN_BYTES).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  return (end < 0 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}

function field(headers: string, name: string): string | null {
  const match = new RegExp(`^${name}[ \\t]*:(.*)$`, 'im').exec(headers);
  return match ? match[1]!.trim() : null;
}

function envelopeSender(headers: string): string {
  const returnPath = field(headers, 'return-path');
  const from = field(headers, 'from');
  const address =
    (returnPath !== null ? /<([^>]*)>/.exec(returnPath)?.[1] ?? returnPath : null) ||
    (from !== null ? /<([^>]+)>/.exec(from)?.[1] ?? /[^\s<>"(),;:]+@[^\s<>"(),;:]+/.exec(from)?.[0] : null);
  // An envelope sender is one word of printable ASCII: readers split the line on blanks.
  const word = (address ?? '').replace(/[^\x21-\x7e]/g, '');
  return word || 'MAILER-DAEMON';
}

function arrival(headers: string, receivedAt?: Date): Date {
  if (receivedAt && writable(receivedAt)) return receivedAt;
  const date = field(headers, 'date');
  // Date.parse reads RFC 5322 dates; a trailing comment such as "(EDT)" is not part of them.
  const parsed = date ? new Date(Date.parse(date.replace(/\([^)]*\)/g, '').trim())) : null;
  return parsed && writable(parsed) ? parsed : new Date(0);
}

/** asctime has a four-digit year; a date outside that would not read back as an envelope line. */
const writable = (date: Date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1000 && date.getUTCFullYear() <= 9999;

function asctime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${day} ${time} ${date.getUTCFullYear()}`;
}
