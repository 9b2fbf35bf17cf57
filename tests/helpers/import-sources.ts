import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '../../src-shared/contract/client.js';
import type { ImportReport } from '../../src-shared/contract/index.js';
import { tempDir } from './temp.js';

/** A small business message; `n` makes it unique, `body` lets two share a Message-ID with other content. */
export function importMessage(n: number, options: { messageId?: string | null; body?: string; from?: string } = {}): Buffer {
  const id = options.messageId === undefined ? `<imp-${n}@archive.test>` : options.messageId;
  // UTF-8 in headers and body (RFC 6532), as modern clients write; Outlook's exports carry such 8-bit headers too.
  return Buffer.from([
    `From: ${options.from ?? `Client ${n % 7} <client${n % 7}@exemple.fr>`}`,
    'To: Céline <celine@facteur.test>',
    `Subject: Commande n° ${n}`,
    `Date: ${new Date(Date.UTC(2019, 0, 1) + n * 3_600_000).toUTCString()}`,
    ...(id ? [`Message-ID: ${id}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    options.body ?? `Bonjour, voici la commande ${n}.`,
    '',
  ].join('\r\n'), 'utf8');
}

/** A tree of .eml files: `{ 'Clients/ACME': [messages…] }`; returns its root. */
export function emlTree(folders: Record<string, Buffer[]>): string {
  const root = tempDir();
  for (const [path, messages] of Object.entries(folders)) {
    const dir = join(root, ...path.split('/').filter(Boolean));
    mkdirSync(dir, { recursive: true });
    messages.forEach((raw, i) => writeFileSync(join(dir, `${String(i + 1).padStart(5, '0')}.eml`), raw));
  }
  return root;
}

/** An mboxrd file of the messages (LF line ends, as mbox files usually are; ">From " quoting of body lines). */
export function mboxFile(messages: Buffer[], name = 'archive.mbox'): string {
  const path = join(tempDir(), name);
  const parts = messages.map((raw) => {
    const text = raw.toString('latin1').replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
    return `From MAILER-DAEMON Thu Jan  1 00:00:00 2019\n${text}${text.endsWith('\n') ? '' : '\n'}\n`;
  });
  writeFileSync(path, Buffer.from(parts.join(''), 'latin1'));
  return path;
}

/** Starts an import and waits for its end through the progress events, as the app and the CLI do. */
export async function importAndWait(client: Client, path: string, targetFolderId: number | null = null): Promise<ImportReport> {
  const ended = new Promise<number>((resolve) => {
    const off = client.on('import.progress', (p) => {
      if (p.state !== 'running') {
        off();
        resolve(p.jobId);
      }
    });
  });
  const { job } = await client.api.imports.start({ path, targetFolderId });
  return client.api.imports.get({ id: job.state === 'running' ? await ended : job.id });
}
