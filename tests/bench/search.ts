import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../src-shared/contract/client.js';
import type { Input } from '../../src-shared/contract/index.js';
import { startEngine } from '../../src-main/engine/engine.js';
import { nodeShell } from '../../src-main/hosts/node/shell.js';
import { seedStore } from './seed-store.js';
import { percentile } from './stats.js';

export async function benchSearch(args: string[]): Promise<void> {
  const countFlag = args.indexOf('--count');
  const count = countFlag >= 0 ? Number(args[countFlag + 1]) : 50_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'facteur-bench-search-'));
  try {
    await seedStore(dataDir, [{ name: null, count }]);
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
