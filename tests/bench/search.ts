import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../src-shared/contract/client.js';
import type { Input } from '../../src-shared/contract/index.js';
import { findAppFile } from '../../src-main/engine/app-files.js';
import { startEngine } from '../../src-main/engine/engine.js';
import { FoldersRepo } from '../../src-main/engine/store/folders-repo.js';
import { MessagesRepo } from '../../src-main/engine/store/messages-repo.js';
import { openStore } from '../../src-main/engine/store/open.js';
import { nodeShell } from '../../src-main/hosts/node/shell.js';

const FIRST = ['Céline', 'Ana', 'Ștefan', 'Renée', 'Ioana', 'Marc', 'Élodie', 'Mihai', 'Hélène', 'Radu'];
const LAST = ['Béranger', 'Ionescu', 'Țîrcă', 'Façade', 'Popescu', 'Durand', 'Lefèvre', 'Constantin', 'Moreau', 'Dumitru'];
const WORDS = ['facture', 'devis', 'réunion', 'ședința', 'contrat', 'livraison', 'paiement', 'ofertă', 'maintenance', 'relance', 'commande', 'echipa'];

/** Rows written straight through the repo: a search benchmark needs a big store quickly, not a parse of each mail. */
async function seed(dataDir: string, count: number): Promise<void> {
  const store = await openStore({ file: join(dataDir, 'facteur.sqlite'), migrationsFolder: findAppFile('migrations'), backupsDir: join(dataDir, 'backups') });
  const folders = new FoldersRepo(store.sqlite);
  folders.ensureLocalFolders();
  const inbox = folders.localByKind('inbox').id;
  const repo = new MessagesRepo(store.sqlite);
  const write = store.sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const name = `${FIRST[n % 10]} ${LAST[(n * 7) % 10]}`;
      const address = `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(' ', '.')}${n % 97}@exemple${n % 13}.fr`;
      const w = (k: number) => WORDS[(n * k) % WORDS.length]!;
      repo.insert({
        folderId: inbox, accountId: null, messageId: `b${n}@x`, inReplyTo: null, references: [],
        subject: `${w(3)} n° ${n} — ${w(5)}`,
        addresses: { from: [{ name, address }], to: [{ name: 'Facteur', address: 'contact@facteur.test' }], cc: [], bcc: [], 'reply-to': [] },
        date: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000), receivedAt: new Date(), direction: 'in',
        flags: { seen: n % 3 === 0, flagged: false, answered: false, draft: false, junk: false, mdnSent: false },
        malformedReason: null, ownerAgentId: null, sha256: `${n}`.padStart(64, '0'), size: 2000,
        source: { format: 'raw', inline: Buffer.from('x'), blob: null }, headers: '',
        text: `Bonjour, ${w(2)} et ${w(7)} pour le dossier ${n}. Cordialement, ${name}.`, html: null, snippet: '',
        attachments: n % 4 === 0 ? [{ filename: `${w(11)}-${n}.${n % 8 === 0 ? 'pdf' : 'xlsx'}`, contentType: 'application/pdf', size: 1, contentId: null, inline: false, sha256: 'a'.repeat(64) }] : [],
      });
    }
  });
  for (let i = 0; i < count; i += 5000) write(i, Math.min(count, i + 5000));
  store.close();
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchSearch(args: string[]): Promise<void> {
  const countFlag = args.indexOf('--count');
  const count = countFlag >= 0 ? Number(args[countFlag + 1]) : 50_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'facteur-bench-search-'));
  try {
    await seed(dataDir, count);
    const engine = await startEngine({ dataDir, host: 'cli', shell: nodeShell(dataDir, () => undefined) });
    const api = createClient(engine.transport()).api;
    const raw = new Database(join(dataDir, 'facteur.sqlite'), { readonly: true });
    const cases: Array<[string, Input<'messages.search'>, string]> = [
      ['a word (subject/people)', { query: 'livraison' }, "subject LIKE '%livraison%'"],
      ['a sender', { query: 'ionescu', field: 'subject-sender' }, "from_name LIKE '%ionescu%' OR from_address LIKE '%ionescu%'"],
      ['a phrase, every word', { query: 'facture relance' }, "subject LIKE '%facture%' AND subject LIKE '%relance%'"],
      ['an attachment name', { query: '.pdf', field: 'attachment' }, "id IN (SELECT message_id FROM attachments WHERE filename LIKE '%.pdf%')"],
      ['a word in the body', { query: 'maintenance', field: 'fulltext' }, "text_body LIKE '%maintenance%'"],
      ['a date range', { query: '', since: '2021-03-01T00:00:00Z', until: '2021-03-15T00:00:00Z' }, "date >= 1614556800000 AND date < 1615766400000"],
    ];
    process.stdout.write(`store: ${count} messages; each query 30 times, first 200 results, newest first\n`);
    process.stdout.write(`${'query'.padEnd(26)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}   baseline (LIKE scan) p50   ratio\n`);
    for (const [label, input, like] of cases) {
      const ours: number[] = [];
      const scan: number[] = [];
      const statement = raw.prepare(`SELECT id FROM messages WHERE ${like} ORDER BY date DESC LIMIT 200`);
      for (let i = 0; i < 30; i++) {
        let t = performance.now();
        await api.messages.search(input);
        ours.push(performance.now() - t);
        t = performance.now();
        statement.all();
        scan.push(performance.now() - t);
      }
      const p50 = percentile(ours, 50);
      process.stdout.write(`${label.padEnd(26)} ${p50.toFixed(1).padStart(8)} ${percentile(ours, 95).toFixed(1).padStart(8)}   ${percentile(scan, 50).toFixed(1).padStart(22)}   ${(p50 / percentile(scan, 50)).toFixed(2)}×\n`);
    }
    raw.close();
    await engine.close();
  } finally {
    if (process.env.KEEP_BENCH_STORE) process.stdout.write(`store kept at ${dataDir}\n`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}
