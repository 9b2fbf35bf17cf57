import { closeSync, fsyncSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../src-shared/contract/client.js';
import { startEngine } from '../../src-main/engine/engine.js';
import { nodeShell } from '../../src-main/hosts/node/shell.js';
import { frenchInvoiceMessage, simpleMessage } from '../helpers/mail.js';

/**
 * Ingest throughput and what the store costs on disk against the raw mail. Baseline, same run: writing each raw
 * message to its own file with fsync — the least any store that keeps mail durably must do.
 */
export async function benchIngest(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 2000);
  const corpus = makeCorpus(count);
  const rawBytes = corpus.reduce((n, m) => n + m.length, 0);

  const baseDir = mkdtempSync(join(tmpdir(), 'facteur-bench-base-'));
  const t0 = performance.now();
  corpus.forEach((m, i) => {
    const fd = openSync(join(baseDir, `${i}.eml`), 'w');
    writeSync(fd, m);
    fsyncSync(fd);
    closeSync(fd);
  });
  const baselineMs = performance.now() - t0;
  rmSync(baseDir, { recursive: true, force: true });

  const dataDir = mkdtempSync(join(tmpdir(), 'facteur-bench-store-'));
  const engine = await startEngine({ dataDir, host: 'cli', shell: nodeShell(dataDir, () => undefined) });
  const api = createClient(engine.transport()).api;
  let peakRss = process.memoryUsage().rss;
  const t1 = performance.now();
  for (const m of corpus) {
    await api.messages.ingest({ raw: m.toString('base64') });
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const ingestMs = performance.now() - t1;
  await engine.close();
  const storeBytes = folderBytes(dataDir, ['facteur.sqlite', 'blobs']);
  rmSync(dataDir, { recursive: true, force: true });

  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  const rows = [
    ['messages', String(count)],
    ['raw mail', `${mb(rawBytes)} MB`],
    ['baseline: raw files + fsync', `${(count / (baselineMs / 1000)).toFixed(0)} msg/s`],
    ['facteur ingest', `${(count / (ingestMs / 1000)).toFixed(0)} msg/s  (${(ingestMs / baselineMs).toFixed(2)}× the baseline's time)`],
    ['store on disk (db + blobs)', `${mb(storeBytes)} MB  (${(storeBytes / rawBytes).toFixed(2)}× the raw mail)`],
    ['peak RSS', `${mb(peakRss)} MB`],
  ];
  for (const [k, v] of rows) process.stdout.write(`${k!.padEnd(30)} ${v}\n`);
}

/** A mix like a business inbox: mostly short text mail, one in five with a PDF-sized attachment. */
function makeCorpus(count: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) out.push(frenchInvoiceMessage(pseudoRandom(150_000, i)));
    else if (i % 5 === 0) out.push(simpleMessage(i, { attachmentBytes: 60_000 }));
    else out.push(simpleMessage(i));
  }
  return out;
}

function pseudoRandom(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size);
  let x = seed + 1;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

function folderBytes(root: string, names: string[]): number {
  let total = 0;
  const walk = (p: string) => {
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) return;
    if (s.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else total += s.size;
  };
  for (const n of names) walk(join(root, n));
  for (const suffix of ['-wal', '-shm']) walk(join(root, `facteur.sqlite${suffix}`));
  return total;
}
