/**
 * The byte rules of an mbox file, shared by the reader (mbox-source.ts) and the writer (export/mbox-writer.ts).
 *
 * A message starts with a "From " line (the envelope: sender and date) and its own lines that begin with "From "
 * are quoted so they cannot be taken for the next one. We write mboxrd (as qmail's mbox(5) describes it): every
 * line matching /^>*From / gets one more '>', so reading takes exactly one away and the message comes back as it
 * was. Older writers (mboxo: Netscape, early Thunderbird, Pine) quoted only "From " itself, so a quoted ">From " and
 * an original ">From " look the same there; we read every file as mboxrd, which returns the far more common
 * original ("From ") and turns an mboxo file's rare original ">From " line into "From " — that difference was
 * already lost when the mboxo file was written.
 *
 * Line ends: the traditional format (RFC 4155) follows every message with an empty line, which belongs to the
 * file: the reader takes it away. Some writers (Netscape, early Thunderbird, hand-made files) put the next "From "
 * line right after a message's last line: that line end is the message's own and stays. A message without a final line break
 * (rare: SMTP always ends one) would look the same once written, so our writer marks its envelope line with
 * NO_FINAL_LINE_BREAK and the reader then takes the last line end away too.
 */

export const LF = 0x0a;
export const CR = 0x0d;
const GT = 0x3e;
export const FROM = Buffer.from('From ');
export const NL_FROM = Buffer.from('\nFrom ');
const GT_BYTE = Buffer.from('>');

/**
 * Where the lines matching /^>*From / start in bytes[start, end): the offset of their first '>' (or of the 'F').
 * With `quotedOnly`, only lines with at least one '>' (the ones a reader un-quotes).
 */
function fromLineStarts(bytes: Buffer, start: number, end: number, quotedOnly: boolean): number[] {
  const starts: number[] = [];
  let at = bytes.indexOf(FROM, start);
  while (at >= 0 && at + FROM.length <= end) {
    let lineStart = at;
    while (lineStart > start && bytes[lineStart - 1] === GT) lineStart--;
    const atLineStart = lineStart === start || bytes[lineStart - 1] === LF;
    if (atLineStart && (!quotedOnly || lineStart < at)) starts.push(lineStart);
    at = bytes.indexOf(FROM, at + 1);
  }
  return starts;
}

/** The message as an mboxrd file holds it: one more '>' before every line matching /^>*From /. */
export function quoteFromLines(raw: Buffer): Buffer[] {
  const starts = fromLineStarts(raw, 0, raw.length, false);
  if (starts.length === 0) return [raw];
  const pieces: Buffer[] = [];
  let from = 0;
  for (const at of starts) {
    pieces.push(raw.subarray(from, at), GT_BYTE);
    from = at;
  }
  pieces.push(raw.subarray(from));
  return pieces;
}

/**
 * bytes[start, end) with one '>' taken from every line matching /^>+From /, in a Buffer of its own (not a slice of
 * a pooled or reused one, so it can be handed to another thread without a copy).
 */
export function unquoteFromLines(bytes: Buffer, start: number, end: number): Buffer {
  const drops = fromLineStarts(bytes, start, end, true);
  const out = Buffer.allocUnsafeSlow(end - start - drops.length);
  let written = 0;
  let from = start;
  for (const at of drops) {
    written += bytes.copy(out, written, from, at);
    from = at + 1;
  }
  bytes.copy(out, written, from, end);
  return out;
}

/** How many bytes of line end bytes[start, end) finishes with: 2 for CRLF, 1 for LF, 0 for none. */
export function trailingLineEnd(bytes: Buffer, start: number, end: number): number {
  if (end <= start || bytes[end - 1] !== LF) return 0;
  return end - 1 > start && bytes[end - 2] === CR ? 2 : 1;
}

/** A header field's first line: a name of printable ASCII without ':' then ':' (RFC 5322 §2.2; obs-syntax allows blanks before the colon). */
const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
/**
 * An envelope with a date as mailers write it, asctime with or without a zone: "From jwz Mon Jun  3 12:50:27 1996",
 * "From - Thu Nov 21 13:20:54 +0100 1996". The weekday keeps out prose such as "From 9:30 to 11:00 in 2024".
 */
const DATED_ENVELOPE = /^From +(?:\S+ +)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b.*\b\d{1,2}:\d\d\b.*\b\d{4}\b/;
/** An envelope with only a sender: Netscape's "From - ", a Gmail export's "From 1844347792267117879@xxx". */
const SENDER_ONLY = /^From +\S+ *$/;

/** Added to the envelope line of a message that does not end with a line break (see the line ends above). */
export const NO_FINAL_LINE_BREAK = ' (no final line break)';

export function isHeaderFieldLine(line: string): boolean {
  return HEADER_FIELD.test(line);
}

/**
 * Whether a line that starts with "From " opens a new message. A well-written mbox quotes every other such line,
 * but mboxo writers and hand-made files leave body lines like "From Russia with love" unquoted (after a blank
 * line, where a strict reader would split), and Netscape wrote bare "From - " envelopes directly after the previous
 * message, without a blank line. So a "From " line counts when it carries a date, or when it is only a sender and
 * the next line is a header field.
 */
export function isEnvelopeLine(line: string, nextLine: string | null): boolean {
  if (DATED_ENVELOPE.test(line)) return true;
  return SENDER_ONLY.test(line) && nextLine !== null && isHeaderFieldLine(nextLine);
}
