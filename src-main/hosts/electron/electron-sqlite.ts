import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A better-sqlite3 binary for Electron's ABI, in a folder of its own. node_modules keeps the Node build that the
 * tests and the CLI load; rebuilding it in place for Electron breaks them, and a failed @electron/rebuild even
 * deletes it (toolchain.md §8). So we compile a copy of the sources and keep only the resulting .node file.
 * Runs under plain Node (the `facteur start` CLI), never inside Electron.
 */

export interface ElectronSqliteOptions {
  repoRoot: string;
  electronVersion: string;
  log: (line: string) => void;
}

export type ElectronSqlite = { binding: string } | { reason: string };

/** Where the binary for one Electron version lives; electron-builder.yml ships it from the same place. */
export function electronSqlitePath(repoRoot: string, electronVersion: string): string {
  return join(repoRoot, '.facteur-dev', 'electron-native', electronVersion, 'better_sqlite3.node');
}

// npm exports its config as npm_config_* to the scripts it runs, and this one decides which headers node-gyp
// compiles against: with nodedir set (this machine's ~/.npmrc says nodedir=/usr) the result is a Node build labelled
// as Electron's (toolchain.md §8). The others would override our command-line target.
const NODE_GYP_OVERRIDES = new Set(['nodedir', 'target', 'runtime', 'disturl', 'dist_url', 'arch', 'target_arch']);

const BUILD_TIMEOUT_MS = 15 * 60_000;

export async function ensureElectronSqlite(options: ElectronSqliteOptions): Promise<ElectronSqlite> {
  const target = electronSqlitePath(options.repoRoot, options.electronVersion);
  if (existsSync(target)) return { binding: target };

  const source = join(options.repoRoot, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(source, 'binding.gyp'))) {
    return { reason: `better-sqlite3's sources are missing from ${source}; run npm install first.` };
  }
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) {
    return { reason: `node-gyp was not found next to ${process.execPath} (it comes with npm); it is needed to build better-sqlite3 for Electron.` };
  }

  const work = mkdtempSync(join(tmpdir(), 'facteur-sqlite-electron-'));
  const logFile = join(dirname(target), '..', `build-${options.electronVersion}.log`);
  try {
    for (const file of ['package.json', 'binding.gyp']) copyFileSync(join(source, file), join(work, file));
    for (const dir of ['src', 'deps']) cpSync(join(source, dir), join(work, dir), { recursive: true });

    options.log(`Building better-sqlite3 for Electron ${options.electronVersion} (once per Electron version; about two minutes)…`);
    mkdirSync(dirname(logFile), { recursive: true });
    const args = [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${options.electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ];
    const outcome = await run(process.execPath, args, work, logFile);
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (outcome.code !== 0 || !existsSync(built)) {
      const why = outcome.timedOut
        ? 'it was stopped after 15 minutes'
        : outcome.code === null
          ? 'node-gyp was killed'
          : `node-gyp exited with code ${outcome.code}`;
      const hint = outcome.lastLines.length > 0 ? ` Last output: ${outcome.lastLines.join(' | ').replace(/\.+$/, '')}.` : '';
      return {
        reason:
          `Could not build better-sqlite3 for Electron ${options.electronVersion}: ${why}. ` +
          `This needs internet access (to fetch Electron's headers) and a C++ toolchain.${hint} Full log: ${logFile}`,
      };
    }
    mkdirSync(dirname(target), { recursive: true });
    // Copy then rename, so an interrupted copy never leaves a truncated binary at the path we trust.
    const partial = `${target}.partial-${process.pid}`;
    copyFileSync(built, partial);
    renameSync(partial, target);
    options.log(`Built ${target}`);
    return { binding: target };
  } catch (error) {
    return { reason: `Could not build better-sqlite3 for Electron ${options.electronVersion}: ${(error as Error).message}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The node-gyp bundled with the npm that came with this Node (or the one npm itself names when it runs us). */
export function findNodeGyp(): string | null {
  const bin = dirname(process.execPath);
  const candidates = [
    process.env.npm_config_node_gyp,
    join(bin, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), // Unix prefix
    join(bin, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), // Windows
  ];
  return candidates.find((path): path is string => !!path && path.endsWith('.js') && existsSync(path)) ?? null;
}

interface RunOutcome {
  /** The exit code; null when it was stopped (the timeout, or a signal). */
  code: number | null;
  timedOut: boolean;
  lastLines: string[];
}

function run(command: string, args: string[], cwd: string, logFile: string): Promise<RunOutcome> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_config_') && NODE_GYP_OVERRIDES.has(lower.slice('npm_config_'.length))) continue;
    env[key] = value;
  }
  return new Promise((resolve) => {
    const log = createWriteStream(logFile);
    // For the reason shown to the user: the first "Error:"/"error:" line and the two after it (node-gyp's stack
    // message, or the compiler's), else the last three lines.
    const tail: string[] = [];
    const firstError: string[] = [];
    const collect = (chunk: Buffer) => {
      log.write(chunk);
      for (const line of chunk.toString('utf8').split(/\r?\n/)) {
        const trimmed = line.trim().slice(0, 300);
        if (!trimmed) continue;
        if ((firstError.length > 0 && firstError.length < 3) || (firstError.length === 0 && /(^|\s)(Error|error):/.test(trimmed))) {
          firstError.push(trimmed);
        }
        tail.push(trimmed);
        tail.splice(0, Math.max(0, tail.length - 3));
      }
    };
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, BUILD_TIMEOUT_MS);
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let finished = false;
    const finish = (code: number | null) => {
      if (finished) return; // 'error' can be followed by 'close'
      finished = true;
      clearTimeout(timer);
      log.end(() => resolve({ code, timedOut, lastLines: firstError.length > 0 ? firstError : tail }));
    };
    child.on('error', (error) => {
      tail.push(error.message);
      finish(-1);
    });
    child.on('close', (code) => finish(code));
  });
}
