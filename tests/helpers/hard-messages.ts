/**
 * Messages that break naive mbox and EML handling, byte by byte: what an archive of real mail holds somewhere.
 * Each must come back from an export and a re-import with exactly these bytes.
 */

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Deterministic noise: the same bytes on every run (a failing case can be replayed). */
function noise(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export interface HardMessage {
  name: string;
  raw: Buffer;
}

export function hardMessages(): HardMessage[] {
  return [
    {
      name: 'eight-bit headers (raw UTF-8 and Latin-1, no RFC 2047)',
      raw: Buffer.concat([
        utf8('From: Renée Façade <renee@exemple.fr>\nTo: Ștefan Râșnoveanu <stefan@exemplu.ro>\nSubject: Déjà reçu — ăîșț\n'),
        latin1('X-Latin1: caf\xe9 cr\xe8me\nMessage-ID: <eight-bit@exemple.fr>\nDate: Tue, 10 Nov 2026 09:30:00 +0100\n\nCorps en Latin-1 : \xe9t\xe9.\n'),
      ]),
    },
    {
      name: 'CRLF with "From " lines in the body, quoted and not',
      raw: latin1(
        [
          'From: a@exemple.fr',
          'Subject: quoting',
          'Message-ID: <quoting@exemple.fr>',
          '',
          'From me to you',
          '>From x',
          '>>From y',
          ' From not at a line start',
          'From',
          '>From',
          '>>>>From deep',
          'end',
          '',
        ].join('\r\n'),
      ),
    },
    {
      name: 'no line break at the end, and a last line starting with "From "',
      raw: latin1('From: b@exemple.fr\nSubject: open end\nMessage-ID: <open-end@exemple.fr>\n\nbody\nFrom the end'),
    },
    {
      name: 'broken MIME boundaries (never closed, one misspelt)',
      raw: latin1(
        [
          'From: c@exemple.fr',
          'Subject: broken',
          'Message-ID: <broken@exemple.fr>',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="zz"',
          '',
          '--zz',
          'Content-Type: text/plain',
          '',
          'first part',
          '--zy',
          'Content-Type: text/html',
          '',
          '<p>never closed',
          '',
        ].join('\n'),
      ),
    },
    { name: 'no Message-ID', raw: latin1('From: d@exemple.fr\nSubject: anonymous\nDate: Mon, 1 Jun 2020 10:00:00 +0000\n\nno id here\n') },
    { name: 'duplicate Message-ID, first body', raw: latin1('From: e@exemple.fr\nSubject: same id\nMessage-ID: <dup@exemple.fr>\n\nversion one\n') },
    { name: 'duplicate Message-ID, second body', raw: latin1('From: e@exemple.fr\nSubject: same id\nMessage-ID: <dup@exemple.fr>\n\nversion two, longer\n') },
    {
      name: 'an envelope line of its own on top',
      raw: latin1('From someone@exemple.fr Mon Jan  1 10:00:00 2024\nFrom: someone@exemple.fr\nSubject: envelope inside\n\nbody\n'),
    },
    { name: 'ends with a bare CR', raw: latin1('From: f@exemple.fr\nSubject: cr\n\nbody\r') },
    { name: 'blank lines at the end', raw: latin1('From: g@exemple.fr\r\nSubject: blanks\r\n\r\nbody\r\n\r\n\r\n') },
    { name: 'mixed line ends', raw: latin1('From: h@exemple.fr\r\nSubject: mixed\n\r\nline\rline\nFrom here\r\n>From there\n') },
    { name: 'one byte', raw: latin1('x') },
    {
      name: 'binary junk with separators, NULs and quotes in it',
      raw: Buffer.concat([noise(3000, 7), latin1('\nFrom junk Mon Jan  1 00:00:00 2024\nSubject: fake\n\n>From \r\n\r\nFrom \n'), noise(5000, 11), latin1('\n')]),
    },
    { name: 'binary junk without a line end', raw: noise(4096, 13) },
  ];
}
