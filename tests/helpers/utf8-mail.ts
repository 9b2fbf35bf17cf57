/**
 * Plain-text messages as today's mailers write them: UTF-8 headers and body (RFC 6532), CRLF line ends, base64 as
 * `messages.ingest` takes them. (mail.ts's crlf() writes Latin-1, which has no "ț", "ș" or "ă".)
 */
export interface PlainMail {
  from: string;
  to: string;
  subject: string;
  /** An RFC 5322 date, or a Date (written as its UTC string). */
  date: string | Date;
  /** Without angle brackets; none, no Message-ID header. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /** The text, as one string or its lines. */
  body: string | string[];
}

export function utf8Mail(m: PlainMail): string {
  const lines = [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${m.subject}`,
    `Date: ${typeof m.date === 'string' ? m.date : m.date.toUTCString()}`,
    ...(m.messageId ? [`Message-ID: <${m.messageId}>`] : []),
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.references ? [`References: ${m.references.map((r) => `<${r}>`).join(' ')}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...(typeof m.body === 'string' ? [m.body] : m.body),
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8').toString('base64');
}

export interface SequenceExtra {
  /** Else `<prefix>-<n>@x.test`. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  body?: string;
}

/**
 * Messages between two addresses, each a minute after the one before from `start` (ms since the epoch), so the
 * order a test writes them in is their date order.
 */
export function mailSequence(prefix: string, start: number) {
  let n = 0;
  return (from: string, to: string, subject: string, extra: SequenceExtra = {}): string => {
    n += 1;
    return utf8Mail({
      from,
      to,
      subject,
      date: new Date(start + n * 60_000),
      messageId: extra.messageId ?? `${prefix}-${n}@x.test`,
      inReplyTo: extra.inReplyTo,
      references: extra.references,
      body: extra.body ?? 'Corps.',
    });
  };
}
