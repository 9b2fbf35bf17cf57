/**
 * Messages built byte by byte, so tests control every encoding detail (charsets, RFC 2231 names, boundaries).
 * CRLF line ends, as on the wire.
 */
export function crlf(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

/** 1×1 red PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

export function base64Lines(bytes: Buffer, width = 76): string[] {
  const b64 = bytes.toString('base64');
  const out: string[] = [];
  for (let i = 0; i < b64.length; i += width) out.push(b64.slice(i, i + width));
  return out;
}

/**
 * The acceptance message: French accents in ISO-8859-1 (subject as RFC 2047, body as quoted-printable), an
 * attachment whose name is RFC 2231-encoded (UTF-8, continued), and an inline image referenced by cid:.
 */
export function frenchInvoiceMessage(pdf: Buffer = Buffer.alloc(6000, 0x25)): Buffer {
  return crlf([
    'From: =?ISO-8859-1?Q?Ren=E9e_Fa=E7ade?= <renee@exemple.fr>',
    'To: =?ISO-8859-1?Q?C=E9line_B=E9ranger?= <celine@facteur.test>',
    'Cc: Ana Ionescu <ana@exemplu.ro>',
    'Subject: =?ISO-8859-1?Q?Facture_n=B0_42_=E0_r=E9gler_avant_No=EBl?=',
    'Date: Tue, 10 Nov 2026 09:30:00 +0100',
    'Message-ID: <facture-42@exemple.fr>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: multipart/related; boundary="rel"',
    '',
    '--rel',
    'Content-Type: text/html; charset=ISO-8859-1',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '<html><body><p>Bonjour C=E9line,</p><p>Voici la facture =E0 r=E9gler, d=E9j=E0 envoy=E9e =E0 l\'=E9quipe.</p>',
    '<p><img src=3D"cid:logo@exemple.fr" alt=3D"Logo" width=3D"40" height=3D"40"></p></body></html>',
    '--rel',
    'Content-Type: image/png; name="logo.png"',
    'Content-Transfer-Encoding: base64',
    'Content-ID: <logo@exemple.fr>',
    'Content-Disposition: inline; filename="logo.png"',
    '',
    ...base64Lines(TINY_PNG),
    '--rel--',
    '',
    '--outer',
    'Content-Type: application/pdf',
    'Content-Transfer-Encoding: base64',
    "Content-Disposition: attachment; filename*0*=UTF-8''Facture%20n%C2%B0%2042%20%E2%80%94%20;",
    " filename*1*=%C3%A9ch%C3%A9ance%20d%C3%A9cembre.pdf",
    '',
    ...base64Lines(pdf),
    '--outer--',
    '',
  ]);
}

export const FRENCH_INVOICE = {
  subject: 'Facture n° 42 à régler avant Noël',
  fromName: 'Renée Façade',
  attachmentName: 'Facture n° 42 — échéance décembre.pdf',
};

/** A plain message with a numbered subject, for volume tests. */
export function simpleMessage(n: number, extra: { attachmentBytes?: number } = {}): Buffer {
  const lines = [
    `From: Sender ${n} <sender${n % 50}@example.test>`,
    'To: Facteur <me@facteur.test>',
    `Subject: Message number ${n}`,
    `Date: ${new Date(Date.UTC(2026, 0, 1) + n * 60_000).toUTCString()}`,
    `Message-ID: <msg-${n}@example.test>`,
    'MIME-Version: 1.0',
  ];
  if (!extra.attachmentBytes) {
    return crlf([...lines, 'Content-Type: text/plain; charset=utf-8', '', `Body of message ${n}.`, '']);
  }
  const payload = Buffer.alloc(extra.attachmentBytes, n % 251);
  return crlf([
    ...lines,
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Body of message ${n}.`,
    '--b',
    'Content-Type: application/octet-stream',
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="data-${n}.bin"`,
    '',
    ...base64Lines(payload),
    '--b--',
    '',
  ]);
}
