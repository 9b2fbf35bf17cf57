import { normalizeMessageId } from '../../../src-shared/domain/message-id.js';
import { headerParam, parseHeaderBlock, type MimeScan } from './mime-scan.js';
import { isReplySubject, subjectKey } from './subject-key.js';

export type ReportKind = 'receipt' | 'delivery-report';

/** What the forum view needs beyond References and In-Reply-To to place a message in its conversation. */
export interface ConversationKeys {
  /** Outlook's Thread-Index, decoded, as lower-case hex; null when absent or not a valid index. */
  threadIndex: string | null;
  /** A read receipt or delivery report, and the Message-ID of the message it reports on (null when it names none). */
  report: { kind: ReportKind; original: string | null } | null;
  /**
   * The normalised subject and whether it reads as a reply, kept only for messages with no References,
   * In-Reply-To or report link: subject grouping is the last resort for them alone, so nothing else needs it indexed.
   */
  subject: { key: string; reply: boolean } | null;
}

/** [MS-OXOMSG] 2.2.1.3: a 22-byte header block, then 5 bytes per reply. */
export const THREAD_INDEX_ROOT_BYTES = 22;
export const THREAD_INDEX_CHILD_BYTES = 5;

/** `raw` is the whole message; `scan` its MIME structure (leaves with byte offsets). */
export function conversationKeysOf(
  raw: Buffer,
  scan: MimeScan,
  parsed: { headerBlock: string; subject: string; references: string[]; inReplyTo: string | null },
): ConversationKeys {
  const headers = parseHeaderBlock(parsed.headerBlock);
  const report = reportOf(raw, scan, headers.get('content-type') ?? '', parsed);
  const threadIndex = decodeThreadIndex(headers.get('thread-index'));
  const keyless = parsed.references.length === 0 && parsed.inReplyTo === null && report === null;
  const key = keyless ? subjectKey(parsed.subject) : null;
  return { threadIndex, report, subject: key === null ? null : { key, reply: isReplySubject(parsed.subject) } };
}

export function decodeThreadIndex(value: string | undefined): string | null {
  if (!value) return null;
  const text = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  const ok = bytes.length >= THREAD_INDEX_ROOT_BYTES && (bytes.length - THREAD_INDEX_ROOT_BYTES) % THREAD_INDEX_CHILD_BYTES === 0;
  return ok ? bytes.toString('hex') : null;
}

/**
 * RFC 6522 multipart/report at the top of the message. A read receipt (RFC 8098) names its original in the
 * Original-Message-ID field of the message/disposition-notification part; a delivery report (RFC 3464) returns
 * the original whole (message/rfc822) or its headers (text/rfc822-headers), whose Message-ID we take. Either may
 * omit it; In-Reply-To, which most generators set, stands in.
 */
function reportOf(
  raw: Buffer,
  scan: MimeScan,
  contentType: string,
  parsed: { references: string[]; inReplyTo: string | null },
): ConversationKeys['report'] {
  if (!/^\s*multipart\/report\b/i.test(contentType)) return null;
  const reportType = headerParam(contentType, 'report-type')?.toLowerCase();
  const fallback = parsed.inReplyTo ?? parsed.references.at(-1) ?? null;
  const leafHeaders = (type: string) => {
    const leaf = scan.leaves.find((l) => l.contentType === type);
    // Only the header block: a returned message's body may hold lines that look like fields.
    return leaf ? parseHeaderBlock(decodeLeaf(raw, leaf.bodyStart, leaf.bodyEnd, leaf.encoding).split(/\r?\n\r?\n/, 1)[0]!) : null;
  };
  if (reportType === 'disposition-notification') {
    const fields = leafHeaders('message/disposition-notification') ?? leafHeaders('message/global-disposition-notification');
    return { kind: 'receipt', original: normalizeMessageId(fields?.get('original-message-id')) ?? fallback };
  }
  if (reportType === 'delivery-status') {
    const returned = leafHeaders('message/rfc822') ?? leafHeaders('text/rfc822-headers') ?? leafHeaders('message/global')
      ?? leafHeaders('message/global-headers');
    return { kind: 'delivery-report', original: normalizeMessageId(returned?.get('message-id')) ?? fallback };
  }
  return null;
}

/** A report part's text; such parts are small and rarely encoded, but RFC 2045 allows it. */
function decodeLeaf(raw: Buffer, start: number, end: number, encoding: string): string {
  const body = raw.subarray(start, end);
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const text = body.toString('latin1').replace(/=\r?\n/g, '');
    return Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  return body.toString('utf8');
}
