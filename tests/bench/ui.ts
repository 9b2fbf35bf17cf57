import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { findAppFile } from '../../src-main/engine/app-files.js';
import { startEngine } from '../../src-main/engine/engine.js';
import { nodeShell } from '../../src-main/hosts/node/shell.js';
import { startWebHost } from '../../src-main/hosts/web/server.js';
import { openBrowser } from '../e2e/browser.js';
import { startTrace, type Phase } from './main-thread-trace.js';
import { cachedStore } from './seed-store.js';
import { percentile } from './stats.js';
import { armFirstRowProbe, firstRowResult, jumpUntilFilled, steadyScroll, type ScrollResult } from './ui-probes.js';

const BASELINE = 500;
const OPENS = 5;
const JUMPS = 12;
/** The list's row height; only used to turn a speed in rows into pixels. */
const ROW_HEIGHT = 32;
const LONG_FRAME_MS = 50;
/** A brisk turn of the mouse wheel (about 4,000 px/s), from the middle of the folder, for this long. */
const WHEEL = { rowsPerSecond: 120, seconds: 10, from: 0.5 };

interface Options {
  count: number;
  /** The drag pass crosses the whole large folder in this time; the baseline scrolls as fast, as long, to and fro. */
  seconds: number;
  profile: boolean;
}

interface FolderFigures {
  opens: number[];
  wheel: ScrollResult;
  drag: ScrollResult;
  jumps: number[];
  /** Main-thread time by kind of work during both scrolls, with --profile. */
  phases?: Phase[];
  scrollMs: number;
}

function parseOptions(args: string[]): Options {
  const number = (flag: string, fallback: number, min: number) => {
    const i = args.indexOf(flag);
    if (i < 0) return fallback;
    const value = Number(args[i + 1]);
    if (!Number.isInteger(value) || value < min) throw new Error(`${flag} takes a whole number of at least ${min}, not "${args[i + 1] ?? ''}".`);
    return value;
  };
  return { count: number('--count', 50_000, 100), seconds: number('--seconds', 20, 1), profile: args.includes('--profile') };
}

/** The same fractions in every run and for both folders, spread over the list as drags of the scrollbar land. */
function jumpFractions(): number[] {
  let x = 12345;
  return Array.from({ length: JUMPS }, () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 10_000) / 10_000);
}

/** Leaves the folder for an empty one, so the next click opens it afresh (with no page of it in memory). */
async function leaveFolder(page: Page): Promise<void> {
  await page.getByTestId('folder-tree').locator('[data-kind="trash"]').first().click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="message-list"] [data-testid="message-row"]'));
}

async function openFolder(page: Page, folderId: number): Promise<number> {
  await leaveFolder(page);
  await page.evaluate(armFirstRowProbe);
  await page.getByTestId(`folder-${folderId}`).click();
  return (await page.evaluate(firstRowResult)).painted;
}

async function measureFolder(page: Page, folderId: number, dragRowsPerSecond: number, options: Options): Promise<FolderFigures> {
  const opens: number[] = [];
  for (let i = 0; i < OPENS; i++) opens.push(await openFolder(page, folderId));
  const jumps: number[] = [];
  for (const fraction of jumpFractions()) {
    jumps.push(await page.evaluate(jumpUntilFilled, { fraction, timeoutMs: 10_000 }));
    await page.waitForTimeout(200);
  }
  // Each scroll starts from a freshly opened folder, so no page fetched by the jumps is already in memory.
  const trace = options.profile ? await startTrace(page) : null;
  await openFolder(page, folderId);
  const wheel = await page.evaluate(steadyScroll, { ...WHEEL, rowHeight: ROW_HEIGHT });
  await openFolder(page, folderId);
  const drag = await page.evaluate(steadyScroll, { from: 0, rowsPerSecond: dragRowsPerSecond, rowHeight: ROW_HEIGHT, seconds: options.seconds });
  const scrollMs = [...wheel.frames, ...drag.frames].reduce((a, b) => a + b, 0);
  return { opens, jumps, wheel, drag, scrollMs, ...(trace ? { phases: await trace.stop() } : {}) };
}

function buildRenderer(): void {
  // The bench measures the screens as they are now, so it builds them rather than trusting an older dist/.
  const t = performance.now();
  const run = spawnSync('npm', ['run', '-s', 'build:renderer'], { cwd: dirname(findAppFile('package.json')), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Building the renderer failed:\n${run.stdout}${run.stderr}`);
  process.stdout.write(`built the renderer in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}

function printTable(small: FolderFigures, large: FolderFigures, options: Options): void {
  const frames = (name: string, r: ScrollResult) => [
    [`${name}: frames`, r.frames.length],
    [`${name}: frame p50 (ms)`, percentile(r.frames, 50)],
    [`${name}: frame p95 (ms)`, percentile(r.frames, 95)],
    [`${name}: frame p99 (ms)`, percentile(r.frames, 99)],
    [`${name}: frame max (ms)`, Math.max(...r.frames)],
    [`${name}: long frames (> ${LONG_FRAME_MS} ms)`, r.frames.filter((ms) => ms > LONG_FRAME_MS).length],
    [`${name}: frames, no row mid-pane (%)`, (100 * r.blank) / r.frames.length],
  ] as const;
  const stats = (f: FolderFigures) => {
    const filled = f.jumps.filter((ms) => ms >= 0);
    return [
      ['first row painted, first open (ms)', f.opens[0]!],
      [`first row painted, median of ${OPENS} opens (ms)`, percentile(f.opens, 50)],
      ...frames('wheel', f.wheel),
      ...frames('drag pass', f.drag),
      [`jump: rows filled, p50 of ${JUMPS} (ms)`, filled.length ? percentile(filled, 50) : NaN],
      ['jump: rows filled, max (ms)', filled.length ? Math.max(...filled) : NaN],
      ['jump: never filled within 10 s', f.jumps.length - filled.length],
    ] as const;
  };
  const a = stats(small);
  const b = stats(large);
  const cell = (v: number) => (Number.isNaN(v) ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(1)).padStart(10);
  const head = `${BASELINE.toLocaleString('en')} msgs`;
  process.stdout.write(`\n${''.padEnd(44)}${head.padStart(10)}${`${options.count.toLocaleString('en')} msgs`.padStart(14)}${'ratio'.padStart(9)}\n`);
  a.forEach(([label, x], i) => {
    const y = b[i]![1];
    const ratio = x > 0 ? `${(y / x).toFixed(2)}×` : '—';
    process.stdout.write(`${label.padEnd(44)}${cell(x)}${cell(y).padStart(14)}${ratio.padStart(9)}\n`);
  });
  for (const [name, f] of [['baseline', small], ['large folder', large]] as const) {
    if (!f.phases) continue;
    process.stdout.write(`\nthe page's main thread during the ${name}'s scrolls (${(f.scrollMs / 1000).toFixed(1)} s; trace, self time):\n`);
    for (const p of f.phases.slice(0, 12)) process.stdout.write(`${p.ms.toFixed(0).padStart(8)} ms ${((100 * p.ms) / f.scrollMs).toFixed(1).padStart(5)}%  ${p.name}\n`);
  }
}

/**
 * `npm run bench -- ui [--count N] [--seconds S] [--profile]`: the message list in Chromium on a folder of N
 * messages against a 500-message folder in the same store and run: time from the click on the folder to its first
 * row painted, frame times of a wheel-speed scroll and of a drag pass through the whole folder in S seconds, and
 * how long rows take to replace the placeholders after jumps to random positions.
 */
export async function benchUi(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const store = await cachedStore('ui', [{ name: 'Baseline', count: BASELINE }, { name: 'Large', count: options.count }], log);
  const [smallId, largeId] = store.folderIds as [number, number];
  buildRenderer();
  const engine = await startEngine({ dataDir: store.dataDir, host: 'cli', shell: nodeShell(store.dataDir, () => undefined) });
  const host = await startWebHost({ engine, rendererDir: findAppFile('dist/renderer') });
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await page.goto(host.url);
    await page.getByTestId('folder-tree').waitFor();
    const version = await page.evaluate(() => /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? '?');
    const dragRowsPerSecond = Math.round(options.count / options.seconds);
    const perFrame = (rows: number) => `${((rows * ROW_HEIGHT) / 60).toFixed(0)} px per 60 Hz frame`;
    log(`Chromium ${version} headless (software rendering), ${page.viewportSize()?.width}×${page.viewportSize()?.height}; load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores`);
    log(`wheel: ${WHEEL.rowsPerSecond} rows/s (${perFrame(WHEEL.rowsPerSecond)}) from mid-folder for ${WHEEL.seconds} s`);
    log(`drag pass: ${dragRowsPerSecond.toLocaleString('en')} rows/s (${perFrame(dragRowsPerSecond)}), top to bottom of the large folder in ${options.seconds} s`);
    log(`jumps: ${JUMPS} to the same random positions in both folders`);
    const small = await measureFolder(page, smallId, dragRowsPerSecond, options);
    const large = await measureFolder(page, largeId, dragRowsPerSecond, options);
    printTable(small, large, options);
  } finally {
    await browser.close();
    await host.close();
    await engine.close();
  }
}
