import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, type Measure } from './pst-source.js';

const CLI = fileURLToPath(new URL('../../src-main/cli/main.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/pst/', import.meta.url));

/** Message n of the corpus: a business mail in French or Romanian, one in ten with a 40 KB attachment. */
function message(n: number): Buffer {
  const head = [
    `From: Client ${n % 97} <client${n % 97}@exemple${n % 13}.fr>`,
    'To: Céline Béranger <celine@facteur.test>',
    `Subject: Commande n° ${n} — livraison ${n % 2 ? 'urgente' : 'prévue'} / ofertă`,
    `Date: ${new Date(Date.UTC(2018, 0, 1) + n * 1_800_000).toUTCString()}`,
    `Message-ID: <bench-${n}@exemple.fr>`,
    'MIME-Version: 1.0',
  ];
  const text = `Bonjour,\n\nVeuillez trouver la commande ${n}.\nFrom now on, merci de confirmer.\n\nCordialement,\nClient ${n % 97}\n`;
  if (n % 10 !== 0) return Buffer.from([...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text].join('\n'), 'utf8');
  const attachment = Buffer.alloc(40_000, n % 251).toString('base64').replace(/.{76}/g, '$&\n');
  return Buffer.from([...head, 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', text,
    '--b', 'Content-Type: application/pdf', 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="commande-${n}.pdf"`, '',
    attachment, '--b--', ''].join('\n'), 'utf8');
}

/**
 * `npm run bench -- import [--count N]`: the import job end to end, as `facteur import` runs it (a process per run,
 * a fresh store each time), on an mbox of N generated messages (20,000 by default), the same messages as an EML
 * tree, and the largest fixture PST; each against a baseline measured in the same run — copying the same files
 * (what any import must at least read and write), and readpst -e on the PST. Aims: 1,000 msg/s for EML and mbox,
 * the PST within 3× readpst.
 */
export async function benchImport(args: string[]): Promise<void> {
  const count = Number(args.includes('--count') ? args[args.indexOf('--count') + 1] : 20_000);
  const work = mkdtempSync(join(tmpdir(), 'facteur-bench-import-'));
  try {
    const mbox = join(work, 'archive.mbox');
    const tree = join(work, 'archive-eml');
    const parts: Buffer[] = [];
    for (let n = 1; n <= count; n++) {
      const raw = message(n);
      const dir = join(tree, n % 3 === 0 ? 'Clients' : n % 3 === 1 ? 'Fournisseurs' : 'Clients/ACME');
      if (n <= 3) mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${n}.eml`), raw);
      parts.push(Buffer.from('From MAILER-DAEMON Mon Jan  1 00:00:00 2018\n'), Buffer.from(raw.toString('latin1').replace(/^(>*From )/gm, '>$1'), 'latin1'), Buffer.from('\n'));
    }
    writeFileSync(mbox, Buffer.concat(parts));
    const size = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, e) => n + size(join(p, e)), 0) : statSync(p).size);
    process.stdout.write(`${count} generated messages, ${(size(mbox) / 1048576).toFixed(1)} MB as mbox\n`);

    const importRun = (path: string) => measure(1, (out) => ['node', [CLI, 'import', path, '--json', '--data', out]]);
    const copyRun = (path: string) => measure(1, (out) => ['cp', ['-r', path, join(out, 'copy')]]);
    const row = (label: string, m: Measure, items: number, base: Measure) =>
      `${label.padEnd(30)} ${(items / (m.ms / 1000)).toFixed(0).padStart(7)} msg/s  ${(m.ms / 1000).toFixed(1).padStart(6)} s  ${(m.rssKb / 1024).toFixed(0).padStart(5)} MB peak RSS  ${(m.ms / base.ms).toFixed(1).padStart(6)}× the baseline's time\n`;

    const mboxCopy = copyRun(mbox);
    process.stdout.write(row('mbox: facteur import', importRun(mbox), count, mboxCopy));
    process.stdout.write(row('mbox: baseline (cp)', mboxCopy, count, mboxCopy));
    const treeCopy = copyRun(tree);
    process.stdout.write(row('EML tree: facteur import', importRun(tree), count, treeCopy));
    process.stdout.write(row('EML tree: baseline (cp -r)', treeCopy, count, treeCopy));

    const largest = readdirSync(FIXTURES).filter((n) => /\.pst$/.test(n)).sort((a, b) => statSync(join(FIXTURES, b)).size - statSync(join(FIXTURES, a)).size)[0]!;
    const pst = join(FIXTURES, largest);
    const readpst = measure(3, (out) => ['readpst', ['-q', '-e', '-j', '0', '-o', out, pst]]);
    const ours = measure(3, (out) => ['node', [CLI, 'import', pst, '--json', '--data', out]]);
    process.stdout.write(`${largest} (${(statSync(pst).size / 1048576).toFixed(1)} MB), median of 3:\n`);
    process.stdout.write(`  facteur import ${ours.ms.toFixed(0)} ms, ${(ours.rssKb / 1024).toFixed(0)} MB peak RSS; readpst -e ${readpst.ms.toFixed(0)} ms, ${(readpst.rssKb / 1024).toFixed(0)} MB; ratio ${(ours.ms / readpst.ms).toFixed(1)}×\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
