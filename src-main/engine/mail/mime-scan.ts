/**
 * A byte-exact structural scan of a MIME message: where each part's headers and body lie in the raw bytes, and
 * what is wrong with the structure. mailparser decodes content but is lenient and gives no offsets; this scan is
 * what lets us flag a truncated message and keep the raw source without a second copy of each attachment.
 *
 * The raw bytes are read as a latin1 string, which maps byte i to character i, so indices are byte offsets.
 */

export interface MimeLeaf {
  contentType: string;
  encoding: string;
  /** Byte range of the encoded body. */
  bodyStart: number;
  bodyEnd: number;
}

export interface MimeScan {
  leaves: MimeLeaf[];
  /** English, for logs and the `malformedReason` column; empty for a well-formed message. */
  problems: string[];
}

const MAX_DEPTH = 40;

export function scanMime(raw: Buffer): MimeScan {
  const text = raw.toString('latin1');
  const result: MimeScan = { leaves: [], problems: [] };
  const headerEnd = findHeaderEnd(text, 0, text.length);
  if (!/^[\x21-\x39\x3b-\x7e]+:/.test(text)) result.problems.push('The message does not start with a header line.');
  scanEntity(text, 0, text.length, result, 0, 'text/plain');
  if (headerEnd.bodyStart === text.length && !headerEnd.found && text.length > 0) {
    // Only headers: legal, but a message cut inside its header block looks the same. Flag only what is certain.
    if (!/\r?\n$/.test(text)) result.problems.push('The message ends in the middle of its header block.');
  }
  return result;
}

function scanEntity(text: string, start: number, end: number, out: MimeScan, depth: number, defaultType: string): void {
  const { headerEnd, bodyStart } = findHeaderEnd(text, start, end);
  const headers = parseHeaderBlock(text.slice(start, headerEnd));
  const ctValue = headers.get('content-type');
  const contentType = (ctValue?.split(';')[0]?.trim().toLowerCase() || defaultType);
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();

  if (contentType.startsWith('multipart/')) {
    const boundary = ctValue ? headerParam(ctValue, 'boundary') : null;
    if (!boundary) {
      out.problems.push(`A ${contentType} part has no boundary parameter.`);
      return;
    }
    if (depth >= MAX_DEPTH) {
      out.problems.push('MIME parts are nested too deeply to read.');
      return;
    }
    const childDefault = contentType === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    const parts = splitMultipart(text, bodyStart, end, boundary);
    if (parts.delimiters === 0) {
      out.problems.push(`A ${contentType} part contains none of its boundaries.`);
      return;
    }
    if (!parts.closed) out.problems.push(`A ${contentType} part has no closing boundary: the message may be truncated.`);
    for (const [s, e] of parts.ranges) scanEntity(text, s, e, out, depth + 1, childDefault);
    return;
  }
  out.leaves.push({ contentType, encoding, bodyStart, bodyEnd: end });
  if (encoding === 'base64') checkBase64(text, bodyStart, end, contentType, out);
}

function findHeaderEnd(text: string, start: number, end: number): { headerEnd: number; bodyStart: number; found: boolean } {
  // A part may begin with the blank line itself (no headers at all).
  if (text.startsWith('\r\n', start)) return { headerEnd: start, bodyStart: start + 2, found: true };
  if (text.startsWith('\n', start)) return { headerEnd: start, bodyStart: start + 1, found: true };
  const crlf = text.indexOf('\r\n\r\n', start);
  const lf = text.indexOf('\n\n', start);
  const candidates: Array<[number, number]> = [];
  if (crlf !== -1 && crlf < end) candidates.push([crlf + 2, crlf + 4]);
  if (lf !== -1 && lf < end) candidates.push([lf + 1, lf + 2]);
  if (candidates.length === 0) return { headerEnd: end, bodyStart: end, found: false };
  candidates.sort((a, b) => a[0] - b[0]);
  const [headerEnd, bodyStart] = candidates[0]!;
  return { headerEnd, bodyStart, found: true };
}

/** Unfolded headers by lower-case name (first occurrence wins, as for Content-Type in RFC 2045 practice). */
export function parseHeaderBlock(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** A parameter of a structured header value (quoted or token), e.g. boundary of Content-Type. */
export function headerParam(value: string, name: string): string | null {
  const re = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i');
  const m = re.exec(value);
  if (!m) return null;
  const v = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2];
  return v && v.length > 0 ? v : null;
}

/**
 * RFC 2046 §5.1.1: a delimiter is CRLF "--" boundary at the start of a line; the CRLF before it belongs to the
 * delimiter, not to the preceding part. Lone LF line ends are accepted as well (mbox exports use them).
 */
function splitMultipart(text: string, start: number, end: number, boundary: string): { ranges: Array<[number, number]>; delimiters: number; closed: boolean } {
  const marker = `--${boundary}`;
  const ranges: Array<[number, number]> = [];
  let delimiters = 0;
  let partStart = -1;
  let pos = start;
  while (pos < end) {
    const at = text.indexOf(marker, pos);
    if (at === -1 || at >= end) break;
    const atLineStart = at === start || text[at - 1] === '\n';
    if (!atLineStart) {
      pos = at + marker.length;
      continue;
    }
    const afterMarker = at + marker.length;
    const isClose = text.startsWith('--', afterMarker);
    const lineEnd = text.indexOf('\n', afterMarker);
    const rest = text.slice(afterMarker + (isClose ? 2 : 0), lineEnd === -1 ? end : lineEnd).replace(/\r$/, '');
    if (rest.trim() !== '') {
      // "--boundaryX" where the boundary is a prefix of another string: not our delimiter.
      pos = afterMarker;
      continue;
    }
    delimiters++;
    if (partStart !== -1) {
      let partEnd = at;
      if (text[partEnd - 1] === '\n') partEnd--;
      if (text[partEnd - 1] === '\r') partEnd--;
      ranges.push([partStart, Math.max(partStart, partEnd)]);
    }
    if (isClose) return { ranges, delimiters, closed: true };
    partStart = lineEnd === -1 ? end : lineEnd + 1;
    pos = partStart;
  }
  if (partStart !== -1) ranges.push([partStart, end]);
  return { ranges, delimiters, closed: false };
}

function checkBase64(text: string, start: number, end: number, contentType: string, out: MimeScan): void {
  const body = text.slice(start, end).replace(/[\r\n\t ]/g, '');
  if (/[^A-Za-z0-9+/=]/.test(body)) {
    out.problems.push(`A base64 ${contentType} part contains characters that are not base64.`);
  } else if (body.length % 4 === 1 || /=[^=]/.test(body)) {
    out.problems.push(`A base64 ${contentType} part is cut short: the message may be truncated.`);
  }
}
