import { base64Lines, crlf, TINY_PNG } from '../helpers/mail.js';

const FR = ['Bonjour Céline,', 'Veuillez trouver ci-joint le devis révisé pour la maintenance du réseau.', 'Nous restons à votre disposition pour toute question complémentaire.', 'Bien cordialement,', 'Renée — Façade & Fils'];
const RO = ['Bună ziua, doamnă Ionescu,', 'Vă trimitem factura pentru luna noiembrie și raportul de activitate.', 'Ședința de mâine se mută la ora 14:00, în sala mică.', 'Cu stimă,', 'Ștefan Țîrcă'];

function pseudoRandom(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

function latin2Qp(text: string): string {
  // Romanian in ISO-8859-2 quoted-printable, as older Outlook installations still send it.
  const map: Record<string, number> = { ă: 0xe3, â: 0xe2, î: 0xee, ș: 0xba, ş: 0xba, ț: 0xfe, ţ: 0xfe, Ș: 0xaa, Ț: 0xde, Ă: 0xc3 };
  return [...text].map((c) => (map[c] !== undefined ? `=${map[c]!.toString(16).toUpperCase()}` : c === '=' ? '=3D' : c)).join('');
}

/**
 * A business mailbox in miniature: short French and Romanian mail in UTF-8, ISO-8859-1 and ISO-8859-2,
 * HTML alternatives, PDF-sized attachments, inline images, and threads of replies.
 */
export function corpusMessage(n: number): Buffer {
  const date = new Date(Date.UTC(2025, 0, 1) + n * 17 * 60_000).toUTCString().replace('GMT', '+0000');
  const replyTo = n % 5 === 4 ? n - 3 : null;
  const head = [
    `From: ${n % 2 ? 'Renée Façade <renee@exemple.fr>' : '=?UTF-8?Q?=C8=98tefan_=C8=9A=C3=AErc=C4=83?= <stefan@exemplu.ro>'}`,
    'To: Facteur <contact@facteur.test>',
    `Subject: ${replyTo !== null ? `Re: Dossier ${replyTo}` : `Dossier ${n} — suivi`}`,
    `Date: ${date}`,
    `Message-ID: <bench-${n}@facteur.test>`,
    ...(replyTo !== null ? [`In-Reply-To: <bench-${replyTo}@facteur.test>`, `References: <bench-${replyTo}@facteur.test>`] : []),
    'MIME-Version: 1.0',
  ];
  const kind = n % 20;
  if (kind < 12) return crlf([...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', ...(n % 2 ? FR : RO), `Réf. ${n}`, '']);
  if (kind < 16) {
    return crlf([
      ...head,
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset=iso-8859-2',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      ...RO.map(latin2Qp),
      '--alt',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<html><body>${RO.map((l) => `<p>${l}</p>`).join('')}</body></html>`,
      '--alt--',
      '',
    ]);
  }
  if (kind < 19) {
    return crlf([
      ...head,
      'Content-Type: multipart/mixed; boundary="mix"',
      '',
      '--mix',
      'Content-Type: text/plain; charset=utf-8',
      '',
      ...FR,
      '--mix',
      'Content-Type: application/pdf',
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="devis-${n}.pdf"`,
      '',
      ...base64Lines(pseudoRandom(30_000 + (n % 7) * 25_000, n)),
      '--mix--',
      '',
    ]);
  }
  return crlf([
    ...head,
    'Content-Type: multipart/related; boundary="rel"',
    '',
    '--rel',
    'Content-Type: text/html; charset=utf-8',
    '',
    `<p>${FR[0]}</p><img src="cid:logo-${n}@exemple.fr">`,
    '--rel',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    `Content-ID: <logo-${n}@exemple.fr>`,
    '',
    ...base64Lines(TINY_PNG),
    '--rel--',
    '',
  ]);
}
