/**
 * Messages of one conversation as real clients write them: replies with References and In-Reply-To, Outlook's
 * Thread-Index, read receipts (RFC 8098) and delivery reports (RFC 3464), byte by byte. Headers and bodies are
 * UTF-8 (RFC 6532), CRLF line ends.
 */
function crlf(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

export interface MailSpec {
  id: string | null;
  subject: string;
  /** Minutes after 2026-11-10 09:00 UTC, so tests can order messages plainly. */
  minute: number;
  from?: string;
  to?: string;
  references?: string[];
  inReplyTo?: string;
  threadIndex?: string;
  body?: string;
}

export function dateAt(minute: number): string {
  return new Date(Date.UTC(2026, 10, 10, 9, minute)).toUTCString().replace('GMT', '+0000');
}

export function isoAt(minute: number): string {
  return new Date(Date.UTC(2026, 10, 10, 9, minute)).toISOString();
}

export function mail(spec: MailSpec): Buffer {
  return crlf([
    `From: ${spec.from ?? 'Renée Façade <renee@exemple.fr>'}`,
    `To: ${spec.to ?? 'Contact <contact@facteur.test>'}`,
    `Subject: ${spec.subject}`,
    `Date: ${dateAt(spec.minute)}`,
    ...(spec.id ? [`Message-ID: <${spec.id}>`] : []),
    ...(spec.references ? [`References: ${spec.references.map((r) => `<${r}>`).join('\r\n ')}`] : []),
    ...(spec.inReplyTo ? [`In-Reply-To: <${spec.inReplyTo}>`] : []),
    ...(spec.threadIndex ? [`Thread-Index: ${spec.threadIndex}`, `Thread-Topic: ${spec.subject.replace(/^(re|tr|fw)\s*:\s*/i, '')}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    spec.body ?? `Texte de « ${spec.subject} ».`,
    '',
  ]);
}

/** Outlook's Thread-Index: a 22-byte block for the conversation, then 5 bytes per reply generation. */
export function threadIndex(conversation: number, ...replies: number[]): string {
  const root = Buffer.alloc(22);
  root.writeUInt8(0x01, 0);
  root.writeUIntBE(0x1d4_0000 + conversation, 1, 5);
  for (let i = 6; i < 22; i++) root[i] = (conversation * 31 + i * 7) & 0xff;
  const blocks = replies.map((r) => {
    const b = Buffer.alloc(5);
    b.writeUIntBE(0x10_0000 + r, 0, 5);
    return b;
  });
  return Buffer.concat([root, ...blocks]).toString('base64');
}

/** A read receipt for `original`, as Thunderbird sends it (Original-Message-ID in the machine-readable part). */
export function readReceipt(spec: { id: string; original: string; minute: number; from?: string; withInReplyTo?: boolean }): Buffer {
  return crlf([
    `From: ${spec.from ?? 'Ana Ionescu <ana@exemplu.ro>'}`,
    'To: Contact <contact@facteur.test>',
    'Subject: Confirmare de citire',
    `Date: ${dateAt(spec.minute)}`,
    `Message-ID: <${spec.id}>`,
    ...(spec.withInReplyTo ? [`In-Reply-To: <${spec.original}>`] : []),
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=disposition-notification; boundary="mdn"',
    '',
    '--mdn',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Mesajul a fost afișat pe ecranul destinatarului.',
    '--mdn',
    'Content-Type: message/disposition-notification',
    '',
    'Reporting-UA: exemplu.ro; Thunderbird',
    'Final-Recipient: rfc822;ana@exemplu.ro',
    `Original-Message-ID: <${spec.original}>`,
    'Disposition: manual-action/MDN-sent-manually; displayed',
    '',
    '--mdn--',
    '',
  ]);
}

/** A bounce for `original`: the whole message returned, or only its headers (text/rfc822-headers). */
export function deliveryReport(spec: { id: string; original: string; minute: number; returned: 'message' | 'headers' }): Buffer {
  const returnedHeaders = [
    'From: Contact <contact@facteur.test>',
    'To: Nobody <nobody@exemple.fr>',
    'Subject: Devis',
    `Message-ID: <${spec.original}>`,
  ];
  return crlf([
    'From: Mail Delivery System <MAILER-DAEMON@mx.facteur.test>',
    'To: Contact <contact@facteur.test>',
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${dateAt(spec.minute)}`,
    `Message-ID: <${spec.id}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"',
    '',
    '--dsn',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Your message could not be delivered to nobody@exemple.fr.',
    '--dsn',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.facteur.test',
    '',
    'Final-Recipient: rfc822; nobody@exemple.fr',
    'Action: failed',
    'Status: 5.1.1',
    '',
    '--dsn',
    ...(spec.returned === 'message'
      ? ['Content-Type: message/rfc822', '', ...returnedHeaders, '', 'Message-ID: <not-this-one@body.test>', 'Bonjour.']
      : ['Content-Type: text/rfc822-headers', '', ...returnedHeaders]),
    '',
    '--dsn--',
    '',
  ]);
}
