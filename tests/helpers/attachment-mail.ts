import { crc32, deflateSync } from 'node:zlib';
import { base64Lines } from './mail.js';

export interface MailFile {
  /** The name as the sender wrote it (quoted in the header; RFC 2231 when it is not ASCII). */
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** A message with a short HTML body and the given files as attachments, each base64-encoded. */
export function messageWithFiles(options: { subject: string; from?: string; messageId: string; files: MailFile[] }): Buffer {
  const lines = [
    `From: ${options.from ?? 'Renée Façade <renee@exemple.fr>'}`,
    'To: Céline <celine@facteur.test>',
    'Cc: Ana Ionescu <ana@exemplu.ro>',
    `Subject: ${options.subject}`,
    'Date: Tue, 10 Nov 2026 09:30:00 +0100',
    `Message-ID: <${options.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="files"',
    '',
    '--files',
    'Content-Type: text/html; charset=utf-8',
    '',
    `<html><body><p>Bonjour, voici les pièces jointes de « ${options.subject} ».</p></body></html>`,
  ];
  for (const file of options.files) {
    const ascii = /^[\x20-\x7e]*$/.test(file.name) && !file.name.includes('"');
    const disposition = ascii ? `attachment; filename="${file.name}"` : `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`;
    lines.push('--files', `Content-Type: ${file.contentType}`, 'Content-Transfer-Encoding: base64', `Content-Disposition: ${disposition}`, '', ...base64Lines(file.bytes));
  }
  lines.push('--files--', '');
  // Headers and body in raw UTF-8 (RFC 6532), as most mail now arrives.
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** A real PNG of `width`×`height` pixels in two colours (left half blue, right half orange), big enough to see. */
export function bannerPng(width = 96, height = 48): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const [r, g, b] = x < width / 2 ? [30, 90, 200] : [240, 140, 20];
      row.writeUInt8(r, 1 + x * 3);
      row.writeUInt8(g, 2 + x * 3);
      row.writeUInt8(b, 3 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The first bytes of a Windows program: enough for anything that looks at what a file is rather than its name. */
export const WINDOWS_PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
