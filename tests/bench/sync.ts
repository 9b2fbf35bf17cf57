import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { createClient } from '../../src-shared/contract/client.js';
import { startEngine } from '../../src-main/engine/engine.js';
import { nodeShell } from '../../src-main/hosts/node/shell.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { imapSettings, PASSWORD } from '../helpers/mail-accounts.js';
import { corpusMessage } from './corpus.js';

interface Figure {
  seconds: number;
  peakRssMb: number;
}

/** Runs `work` and reports its wall time and the process's peak RSS while it ran. */
async function measure(work: () => Promise<unknown>): Promise<Figure> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = performance.now();
  await work();
  clearInterval(sampler);
  return { seconds: (performance.now() - t) / 1000, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024 };
}

/** Writes the corpus straight into the user's Maildir (seeding 10,000 messages by APPEND would dwarf the run). */
function seedMaildir(dovecot: Dovecot, user: string, count: number): number {
  const maildir = join(dovecot.dir, 'mail', user, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const raw = corpusMessage(n);
    bytes += raw.length;
    writeFileSync(join(maildir, 'cur', `${1_700_000_000 + n}.M${n}P1.bench,S=${raw.length}:2,${n % 3 ? 'S' : ''}`), raw);
  }
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', '65534:65534', join(dovecot.dir, 'mail', user)]);
  return bytes;
}

async function rawFetch(dovecot: Dovecot, user: string): Promise<number> {
  const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.imapsPort, secure: true, logger: false, auth: { user, pass: PASSWORD }, tls: { ca: [dovecot.certPem] } });
  await client.connect();
  await client.mailboxOpen('INBOX');
  let n = 0;
  for await (const m of client.fetch('1:*', { uid: true, flags: true, source: true })) if (m.source) n++;
  await client.logout();
  return n;
}

function mbsync(dovecot: Dovecot, user: string): { seconds: number; ok: boolean; note: string } {
  const dir = mkdtempSync(join(tmpdir(), 'facteur-mbsync-'));
  try {
    writeFileSync(join(dir, 'ca.pem'), dovecot.certPem);
    writeFileSync(
      join(dir, 'mbsyncrc'),
      [
        'IMAPAccount bench', 'Host localhost', `Port ${dovecot.imapsPort}`, `User ${user}`, `Pass ${PASSWORD}`, 'SSLType IMAPS', `CertificateFile ${join(dir, 'ca.pem')}`, '',
        'IMAPStore remote', 'Account bench', '',
        'MaildirStore local', `Path ${join(dir, 'mail')}/`, `Inbox ${join(dir, 'mail', 'INBOX')}`, '',
        'Channel bench', 'Far :remote:', 'Near :local:', 'Patterns INBOX', 'Create Near', 'Sync Pull', 'SyncState *', '',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'mail'));
    const t = performance.now();
    const r = spawnSync('mbsync', ['-c', join(dir, 'mbsyncrc'), '-q', 'bench'], { encoding: 'utf8' });
    return { seconds: (performance.now() - t) / 1000, ok: r.status === 0, note: r.status === 0 ? '' : (r.stderr || r.error?.message || '').trim().split('\n')[0] ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSync(args: string[]): Promise<void> {
  const countFlag = args.indexOf('--count');
  const count = countFlag >= 0 ? Number(args[countFlag + 1]) : 10_000;
  const dovecot = await startDovecot([{ name: 'bench', password: PASSWORD }]);
  const dataDir = mkdtempSync(join(tmpdir(), 'facteur-bench-sync-'));
  try {
    const bytes = seedMaildir(dovecot, 'bench', count);
    // Let Dovecot build its index once, so neither contender pays for it.
    await rawFetch(dovecot, 'bench');

    const raw = await measure(() => rawFetch(dovecot, 'bench'));
    const peer = mbsync(dovecot, 'bench');

    const engine = await startEngine({ dataDir, host: 'cli', shell: nodeShell(dataDir, () => undefined) });
    const api = createClient(engine.transport()).api;
    const account = await api.accounts.add({ email: 'bench@facteur.test', settings: imapSettings(dovecot, 'bench'), password: PASSWORD });
    const run = async () => {
      const [s] = (await api.sync.run({ accountId: account.id })).accounts;
      if (s!.error) throw new Error(s!.error.message);
    };
    const full = await measure(run);
    const noChange = await measure(run);
    const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.imapsPort, secure: true, logger: false, auth: { user: 'bench', pass: PASSWORD }, tls: { ca: [dovecot.certPem] } });
    await client.connect();
    for (let n = count; n < count + 100; n++) await client.append('INBOX', corpusMessage(n));
    await client.logout();
    const plus100 = await measure(run);
    await engine.close();

    const rate = (f: Figure, n: number) => `${(n / f.seconds).toFixed(0).padStart(6)} msg/s`;
    const line = (label: string, f: Figure, n: number, extra = '') =>
      process.stdout.write(`${label.padEnd(34)} ${f.seconds.toFixed(3).padStart(8)} s  ${rate(f, n)}  peak RSS ${f.peakRssMb.toFixed(0).padStart(4)} MB${extra}\n`);
    process.stdout.write(`corpus: ${count} messages, ${(bytes / 1024 / 1024).toFixed(1)} MB in the Inbox (Dovecot, IMAPS on loopback)\n`);
    line('raw imapflow fetch (ceiling)', raw, count);
    if (peer.ok) process.stdout.write(`${'mbsync (isync) to a Maildir'.padEnd(34)} ${peer.seconds.toFixed(3).padStart(8)} s  ${(count / peer.seconds).toFixed(0).padStart(6)} msg/s\n`);
    else process.stdout.write(`mbsync: not measured (${peer.note || 'install the Debian package isync'})\n`);
    line('facteur full initial sync', full, count, `  ${(full.seconds / raw.seconds).toFixed(2)}× raw${peer.ok ? `, ${(full.seconds / peer.seconds).toFixed(2)}× mbsync` : ''}`);
    line('facteur re-sync, nothing changed', noChange, count);
    line('facteur re-sync after 100 new', plus100, 100);
  } finally {
    await dovecot.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
