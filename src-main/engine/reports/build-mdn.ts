import MimeNode from 'nodemailer/lib/mime-node';
import type { Locale } from '../../../src-shared/contract/index.js';
import { mdnDate, mdnWords } from './mdn-text.js';

export interface MdnRequest {
  locale: Locale;
  /** Who sends the receipt: the recipient of the original, as its account names them. */
  from: { name: string; address: string };
  /** The Disposition-Notification-To addresses. */
  to: string[];
  /** The host part of Reporting-UA (RFC 8098 §3.2.1): the sending account's domain. */
  reportingHost: string;
  original: {
    messageId: string | null;
    subject: string;
    date: Date | null;
    /** The original's header block, unfolded, by lower-case name. */
    headers: Map<string, string>;
  };
}

/** Headers of the original worth returning: enough for the sender to know which message, nothing of our servers. */
const RETURNED_HEADERS: Array<[string, string]> = [
  ['from', 'From'], ['to', 'To'], ['cc', 'Cc'], ['subject', 'Subject'], ['date', 'Date'], ['message-id', 'Message-ID'],
];

/**
 * A read receipt sent by hand (RFC 8098 §3): multipart/report with the words for a person, the
 * message/disposition-notification fields, and the original's main headers as text/rfc822-headers (§3, third
 * part, optional). "manual-action/MDN-sent-manually": the person chose to send it (§3.2.6.1–2).
 */
export async function buildMdn(r: MdnRequest): Promise<Buffer> {
  const words = mdnWords(r.locale);
  const subject = r.original.subject || '—';
  const root = new MimeNode('multipart/report; report-type=disposition-notification');
  root.setHeader({
    From: { name: r.from.name, address: r.from.address },
    To: r.to.join(', '),
    Subject: words.subject(subject),
  });
  if (r.original.messageId) {
    root.setHeader('In-Reply-To', `<${r.original.messageId}>`);
    root.setHeader('References', `<${r.original.messageId}>`);
  }
  const text = words.body({ date: r.original.date ? mdnDate(r.original.date, r.locale) : null, recipient: r.from.address, subject });
  root.createChild('text/plain; charset=utf-8').setContent(`${text}\r\n`);

  const originalRecipient = r.original.headers.get('original-recipient');
  const fields = [
    `Reporting-UA: ${r.reportingHost}; Facteur`,
    ...(originalRecipient ? [`Original-Recipient: ${originalRecipient}`] : []),
    `Final-Recipient: rfc822;${r.from.address}`,
    ...(r.original.messageId ? [`Original-Message-ID: <${r.original.messageId}>`] : []),
    'Disposition: manual-action/MDN-sent-manually; displayed',
  ];
  root.createChild('message/disposition-notification').setContent(`${fields.join('\r\n')}\r\n`);

  const returned = RETURNED_HEADERS.flatMap(([key, name]) => {
    const value = r.original.headers.get(key);
    return value ? [`${name}: ${value}`] : [];
  });
  if (returned.length > 0) root.createChild('text/rfc822-headers').setContent(`${returned.join('\r\n')}\r\n`);
  return root.build();
}
