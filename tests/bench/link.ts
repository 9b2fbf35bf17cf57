import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './pst-source.js';

const CLI = fileURLToPath(new URL('../../src-main/cli/main.js', import.meta.url));

/** Message n: from one of `senders` people (so most senders are contacts), to the office, some as replies. */
function message(n: number, senders: number): string {
  const who = n % senders;
  return [
    `From MAILER-DAEMON Mon Jan  1 00:00:00 2018`,
    `From: Personne ${who} <personne${who}@client${who % 50}.fr>`,
    'To: Bureau <bureau@facteur.test>',
    `Subject: Dossier ${n}`,
    `Date: ${new Date(Date.UTC(2019, 0, 1) + n * 600_000).toUTCString()}`,
    `Message-ID: <link-${n}@client.fr>`,
    ...(n % 4 === 0 && n > 4 ? [`In-Reply-To: <link-${n - 4}@client.fr>`] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Bonjour, suite au dossier ${n}.`,
    '',
  ].join('\n');
}

/**
 * `npm run bench -- link [--count N] [--contacts C]`: `facteur import` of N messages (10,000) into a store with C
 * contacts (5,000, in 50 companies, matching most senders) against the same import into a store with none, in the
 * same run. Aim: filing mail under records costs no more than 10% over ingest alone.
 */
export async function benchLink(args: string[]): Promise<void> {
  const flag = (name: string, fallback: number) => Number(args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const count = flag('--count', 10_000);
  const contacts = flag('--contacts', 5_000);
  const work = mkdtempSync(join(tmpdir(), 'facteur-bench-link-'));
  try {
    const mbox = join(work, 'mail.mbox');
    writeFileSync(mbox, Array.from({ length: count }, (_, i) => message(i + 1, Math.round(contacts * 1.2))).join('\n'));
    const prepare = (withContacts: boolean) => (out: string): [string, string[]] => {
      // The store is created and migrated by the CLI, then filled with contacts straight in SQL.
      spawnSync('node', [CLI, 'folders', '--data', out], { stdio: 'ignore' });
      if (withContacts) {
        const db = new Database(join(out, 'facteur.sqlite'));
        db.transaction(() => {
          const company = db.prepare('INSERT INTO companies (name) VALUES (?) RETURNING id');
          const ids = Array.from({ length: 50 }, (_, i) => (company.get(`Client ${i}`) as { id: number }).id);
          const contact = db.prepare('INSERT INTO contacts (first_name, last_name, email, company_id) VALUES (?, ?, ?, ?)');
          for (let i = 0; i < contacts; i++) contact.run('Personne', String(i), `personne${i}@client${i % 50}.fr`, ids[i % 50]);
        })();
        db.close();
      }
      return ['node', [CLI, 'import', mbox, '--json', '--data', out]];
    };
    const without = measure(3, prepare(false));
    const withLinks = measure(3, prepare(true));
    const rate = (ms: number) => (count / (ms / 1000)).toFixed(0);
    process.stdout.write(`${count} messages, ${contacts} contacts in 50 companies, median of 3 imports each\n`);
    process.stdout.write(`ingest alone            ${(without.ms / 1000).toFixed(2)} s  ${rate(without.ms)} msg/s\n`);
    process.stdout.write(`ingest + filing         ${(withLinks.ms / 1000).toFixed(2)} s  ${rate(withLinks.ms)} msg/s\n`);
    process.stdout.write(`overhead                ${(((withLinks.ms - without.ms) / without.ms) * 100).toFixed(1)} %  (aim: 10 % or less)\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
