import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openPstSource } from '../../src-main/engine/import/pst-source.js';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/pst/', import.meta.url));

/**
 * The PST source against readpst on the same file: wall time and peak RSS of reading every message (ours builds
 * the RFC 5322 bytes of each, as the import job gets them; readpst writes one .eml per message). Each side runs
 * as its own process (this file run as a program, for ours), `--runs` times (5 by default), and the medians are compared. `--file NAME` picks a fixture
 * (default: the largest); `readpst -e` is the brief's baseline, `-D` (deleted items too) reads what we read.
 */
export async function benchPst(args: string[]): Promise<void> {
  const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const runs = Number(flag('--runs') ?? 5);
  const files = readdirSync(FIXTURES).filter((n) => /\.(pst|ost)$/.test(n));
  const name = flag('--file') ?? files.sort((a, b) => statSync(join(FIXTURES, b)).size - statSync(join(FIXTURES, a)).size)[0]!;
  const path = join(FIXTURES, name);
  const self = fileURLToPath(import.meta.url);

  const ours = measure(runs, () => ['node', [self, path]]);
  const readpstE = measure(runs, (out) => ['readpst', ['-q', '-e', '-j', '0', '-o', out, path]]);
  const readpstED = measure(runs, (out) => ['readpst', ['-q', '-D', '-e', '-j', '0', '-o', out, path]]);

  const line = (label: string, m: Measure) => `${label.padEnd(26)} ${m.ms.toFixed(0).padStart(6)} ms  ${(m.rssKb / 1024).toFixed(1).padStart(6)} MB peak RSS\n`;
  process.stdout.write(`${name}: ${(statSync(path).size / 1048576).toFixed(1)} MB, median of ${runs} runs\n`);
  process.stdout.write(line('facteur PST source', ours));
  process.stdout.write(line('readpst -e', readpstE));
  process.stdout.write(line('readpst -D -e', readpstED));
  process.stdout.write(`time ratio vs readpst -e: ${(ours.ms / readpstE.ms).toFixed(2)}x, vs readpst -D -e: ${(ours.ms / readpstED.ms).toFixed(2)}x\n`);
  process.stdout.write(`RSS ratio vs readpst -e: ${(ours.rssKb / readpstE.rssKb).toFixed(1)}x\n`);
}

export interface Measure {
  ms: number;
  rssKb: number;
}

/** Wall time and peak RSS of a process, from GNU time's -v report. */
export function measure(runs: number, command: (outDir: string) => [string, string[]]): Measure {
  const samples: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'facteur-bench-pst-'));
    try {
      const [program, argv] = command(out);
      const run = spawnSync('/usr/bin/time', ['-v', program, ...argv], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${program} failed: ${run.stderr}`);
      const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(run.stderr)!;
      const ms = ((Number(wall[1] ?? 0) * 60 + Number(wall[2])) * 60 + Number(wall[3])) * 1000;
      const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)![1]);
      samples.push({ ms, rssKb });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { ms: median(samples.map((s) => s.ms)), rssKb: median(samples.map((s) => s.rssKb)) };
}

async function readOnce(path: string): Promise<void> {
  const source = await openPstSource(path);
  let messages = 0;
  let bytes = 0;
  for await (const item of source.items(0)) {
    if (item.raw) messages++;
    bytes += item.raw?.length ?? 0;
  }
  await source.close();
  process.stderr.write(`${messages} messages, ${bytes} bytes\n`);
}

// Run as a program (`node pst-source.js FILE`), this module is the measured side: one process per run.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await readOnce(process.argv[2]!);
