import { randomUUID } from 'node:crypto';

/** Where the header block ends (index of the blank line's first byte), for CRLF and bare-LF messages. */
function headerEnd(text: string): number {
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : text.length;
}

/**
 * Makes sure a message to send carries its own Message-ID and Date (RFC 5322 §3.6): the Message-ID is how a send
 * interrupted after DATA is found again in Sent, so it is set before the message is stored, never by the server.
 */
export function ensureSendHeaders(raw: Buffer, domain: string, now = new Date()): Buffer {
  const text = raw.toString('latin1');
  const head = text.slice(0, headerEnd(text));
  const eol = head.includes('\r\n') ? '\r\n' : '\n';
  const add: string[] = [];
  if (!/^message-id:/im.test(head)) add.push(`Message-ID: <${randomUUID()}@${domain}>`);
  if (!/^date:/im.test(head)) add.push(`Date: ${now.toUTCString().replace('GMT', '+0000')}`);
  return add.length ? Buffer.concat([Buffer.from(add.join(eol) + eol, 'latin1'), raw]) : raw;
}

/** The bytes that go on the wire: the stored copy keeps Bcc (the sender's record), recipients never see it. */
export function withoutBcc(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const end = headerEnd(text);
  const head = text.slice(0, end);
  const stripped = head.replace(/^bcc:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*\r?\n?/gim, '');
  return stripped === head ? raw : Buffer.concat([Buffer.from(stripped, 'latin1'), raw.subarray(end)]);
}
