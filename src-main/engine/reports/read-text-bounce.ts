import { normalizeMessageId } from '../../../src-shared/domain/message-id.js';
import { headerBlockOf, type ReportSource } from './report-parts.js';
import type { RecipientOutcome } from './report-types.js';
import { bounceOf, enhancedStatusIn } from './status-codes.js';

/**
 * Bounces written for people rather than programs: Exim's and qmail's text, old Postfix, Exchange and Outlook
 * non-delivery reports (also as a PST import turns them into mail). None is standard, so this reads only what
 * all of them share: a recipient address on a line of its own (or opening a line, before a colon), then a status
 * line carrying an RFC 3463 code — "550 5.1.1 …", "#550 5.1.1 RESOLVER.ADR.RecipNotFound", "Remote Server returned
 * '550 5.1.10 …'" — or, in Exim's classic text, a bare SMTP reply code after "SMTP error from remote mail server".
 * The original is found only in what the bounce returns (a message/rfc822 or text/rfc822-headers part, or the
 * header block after a "copy of the message" line), never in the prose.
 */

/** Senders and subjects that announce a bounce; only such messages are read this way at all. */
const BOUNCE_SENDER = /^(?:mailer-daemon|mail-daemon|postmaster|microsoftexchange[0-9a-f]*)@/i;
const BOUNCE_SUBJECT =
  /^(?:undeliverable|undelivered mail|undeliverable mail|mail delivery failed|delivery status notification|delivery failure|failure notice|returned mail|mail system error|non remis|non distribuable|nedistribuit|nelivrat|unzustellbar)\b/i;

export function looksLikeBounce(fromAddress: string | undefined, subject: string): boolean {
  return (fromAddress !== undefined && BOUNCE_SENDER.test(fromAddress)) || BOUNCE_SUBJECT.test(subject.trim());
}

/** The line a bounce puts before the copy of the original it returns. */
const RETURNED_MARKER = /(?:copy of the (?:original )?message|below this line is a copy|original message (?:follows|headers)|undelivered message headers)/i;
/** An address opening a line: "  jean@x.fr", "<jean@x.fr>:", "jean@x.fr<mailto:jean@x.fr>", "jean@x.fr on 6/10/2024". */
const RECIPIENT_LINE = /^\s*<?([^\s<>@"':;,()]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)>?(?:<mailto:[^>]*>)?(?:\s*$|:|\s+on\s|\s+\()/i;
const SMTP_ERROR_INTRO = /smtp error from remote (?:mail server|mailer)|remote host said:|said:\s*$/i;
const BASIC_REPLY = /^\s*([45])\d\d[\s-]/;

export interface TextBounce {
  recipients: RecipientOutcome[];
  /** The Message-ID of the returned original, if the bounce returns one. */
  original: string | null;
}

export function readTextBounce(source: ReportSource): TextBounce {
  const notice: string[] = [];
  let original: string | null = null;
  for (const part of source.parts) {
    if (part.contentType === 'message/rfc822' || part.contentType === 'text/rfc822-headers') {
      original ??= normalizeMessageId(headerBlockOf(part.text).get('message-id'));
      continue;
    }
    if (part.contentType !== 'text/plain' && part.contentType !== 'text/html') continue;
    const text = part.contentType === 'text/html' ? htmlLines(part.text) : part.text;
    const lines = text.split(/\r?\n/);
    const marker = lines.findIndex((l) => RETURNED_MARKER.test(l));
    if (marker === -1) {
      notice.push(...lines);
      continue;
    }
    notice.push(...lines.slice(0, marker));
    original ??= normalizeMessageId(headerBlockOf(lines.slice(marker + 1).join('\n')).get('message-id'));
  }
  return { recipients: recipientsIn(notice), original };
}

function recipientsIn(lines: string[]): RecipientOutcome[] {
  const found = new Map<string, RecipientOutcome>();
  let current: string | null = null;
  let smtpErrorNext = false;
  for (const line of lines) {
    const heading = RECIPIENT_LINE.exec(line);
    if (heading) current = heading[1]!.toLowerCase();
    if (current === null) continue;
    let status = enhancedStatusIn(line);
    if (!status && smtpErrorNext) {
      const basic = BASIC_REPLY.exec(line);
      if (basic) status = `${basic[1]}.0.0`;
    }
    smtpErrorNext = SMTP_ERROR_INTRO.test(line);
    if (!status) continue;
    const bounce = bounceOf(status, status.startsWith('5.') ? 'failed' : 'delayed');
    const known = found.get(current);
    // A report may repeat a recipient (Exchange: once for people, once for administrators); the worst status counts.
    if (!known || (known.bounce !== 'hard' && bounce === 'hard')) {
      found.set(current, { address: current, originalAddress: null, status, action: null, bounce });
    }
  }
  return [...found.values()];
}

/** Enough of an HTML notice to read its lines: block ends become line ends, tags and common entities go. */
function htmlLines(html: string): string {
  return html
    .replace(/<(?:script|style)[\s\S]*?<\/(?:script|style)>/gi, '')
    .replace(/<(?:br|\/p|\/div|\/tr|\/li|\/h\d)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
}
