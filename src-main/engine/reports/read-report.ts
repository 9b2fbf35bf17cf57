import { parseMessageIdList } from '../../../src-shared/domain/message-id.js';
import { dsnOriginals, readDsnFields } from './read-dsn.js';
import { readMdn, unique } from './read-mdn.js';
import { readTextBounce } from './read-text-bounce.js';
import { reportSource, type ReportSource } from './report-parts.js';
import type { Report } from './report-types.js';

/**
 * What a report says, from its raw bytes: a read receipt, a standard delivery report, or (`textBounces`) a mail
 * server's bounce written as prose. Null for anything else, or a report too broken to say which message or
 * recipient it is about.
 */
export function readReport(raw: Buffer, options: { textBounces: boolean }): Report | null {
  const source = reportSource(raw);
  const fallback = reportReferences(source);
  if (source.reportType === 'disposition-notification') return readMdn(source, fallback);
  if (source.reportType === 'delivery-status' || source.parts.some((p) => p.contentType === 'message/delivery-status')) {
    const fields = readDsnFields(source);
    const originals = dsnOriginals(source, fields?.envelopeId ?? null, fallback);
    if (fields && fields.recipients.length > 0) return { kind: 'delivery', originals, recipients: fields.recipients, standard: true };
    // A delivery-status part with no usable recipient group: its notice may still say who and why.
    return textDelivery(source, originals);
  }
  if (source.contentType === 'multipart/report' || !options.textBounces) return null;
  return textDelivery(source, []);
}

function textDelivery(source: ReportSource, originals: string[]): Report | null {
  const text = readTextBounce(source);
  const ids = unique([...(text.original ? [text.original] : []), ...originals]);
  if (text.recipients.length === 0 || ids.length === 0) return null;
  return { kind: 'delivery', originals: ids, recipients: text.recipients, standard: false };
}

/**
 * The report's own In-Reply-To, else the last of its References: most MDN generators set them to the original.
 * Earlier References name older messages of the thread, which the report is not about.
 */
function reportReferences(source: ReportSource): string[] {
  const named = parseMessageIdList(source.headers.get('in-reply-to'))[0] ?? parseMessageIdList(source.headers.get('references')).at(-1);
  return named ? [named] : [];
}
