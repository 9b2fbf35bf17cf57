import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureElectronSqlite } from './electron-sqlite.js';

/**
 * `facteur start` from a source checkout: runs the desktop app with the repo as its app folder. Plain Node, no
 * Electron import (in Node, `require('electron')` is only the binary's path). When anything is missing it says
 * what, and the CLI falls back to the web host.
 */

export interface LaunchOptions {
  dataDir: string;
  repoRoot: string;
  /** Progress for the person waiting (the native build takes minutes). Defaults to stderr. */
  log?: (line: string) => void;
}

export type LaunchResult = { started: true } | { started: false; reason: string };

export async function launchElectron(opts: LaunchOptions): Promise<LaunchResult> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  try {
    const missing = missingBuildOutput(opts.repoRoot);
    if (missing) return { started: false, reason: `The desktop build is incomplete (${missing} is missing); run \`npm run build\` first.` };

    let electron = findElectron(opts.repoRoot);
    if ('reason' in electron && downloadElectron(opts.repoRoot, log)) electron = findElectron(opts.repoRoot);
    if ('reason' in electron) return { started: false, reason: electron.reason };

    // A binding the user built another way is taken as given; otherwise we find or build our own.
    const preset = process.env.FACTEUR_SQLITE_BINDING;
    const sqlite =
      preset && existsSync(preset)
        ? { binding: preset }
        : await ensureElectronSqlite({ repoRoot: opts.repoRoot, electronVersion: electron.version, log });
    if ('reason' in sqlite) return { started: false, reason: sqlite.reason };

    return await spawnElectron(electron.executable, opts.repoRoot, {
      FACTEUR_DATA: opts.dataDir,
      FACTEUR_SQLITE_BINDING: sqlite.binding,
    });
  } catch (error) {
    return { started: false, reason: `Could not start the desktop app: ${(error as Error).message}` };
  }
}

/** The compiled files the app folder needs (package.json's "main" points at the first). */
function missingBuildOutput(repoRoot: string): string | null {
  const files = [
    join('dist', 'src-main', 'hosts', 'electron', 'main.js'),
    join('dist', 'src-main', 'hosts', 'electron', 'preload.cjs'),
    join('dist', 'src-main', 'hosts', 'electron', 'engine-process.js'),
    join('dist', 'renderer', 'index.html'),
  ];
  return files.find((file) => !existsSync(join(repoRoot, file))) ?? null;
}

export type ElectronInstall = { executable: string; version: string } | { reason: string };

/**
 * The electron package's index.js returns the binary's path (from path.txt) or throws when the binary was never
 * downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, or an offline install). Both outcomes are answers, not crashes.
 */
export function findElectron(repoRoot: string): ElectronInstall {
  const require = createRequire(join(repoRoot, 'package.json'));
  let packageFile: string;
  try {
    packageFile = require.resolve('electron/package.json');
  } catch {
    return { reason: 'The electron package is not installed; run npm install.' };
  }
  const version = (JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }).version;
  const notDownloaded =
    `Electron ${version}'s binary is not installed (its download was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD or failed). ` +
    'With internet access, `npm start` downloads it (unless ELECTRON_SKIP_BINARY_DOWNLOAD is set).';
  let executable: unknown;
  try {
    executable = require('electron');
  } catch {
    return { reason: notDownloaded };
  }
  if (typeof executable !== 'string' || !existsSync(executable)) return { reason: notDownloaded };
  return { executable, version };
}

/**
 * package.json's allowScripts keeps Electron's postinstall (a download from outside the npm registry) out of
 * `npm install`, so that install works offline. The first start fetches the binary instead, once, unless the user
 * asked for no download. Offline, this fails within seconds and the CLI falls back to the web host.
 */
function downloadElectron(repoRoot: string, log: (line: string) => void): boolean {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  const script = join(repoRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(script)) return false;
  log("Downloading Electron's binary (first start only)…");
  const result = spawnSync(process.execPath, [script], { cwd: join(repoRoot, 'node_modules', 'electron'), stdio: ['ignore', 'ignore', 'pipe'], timeout: 10 * 60_000 });
  if (result.status !== 0) {
    const detail = result.stderr?.toString().split('\n').find((l) => l.trim()) ?? 'no answer';
    log(`Electron's binary could not be downloaded: ${detail.trim()}`);
    return false;
  }
  return true;
}

function spawnElectron(executable: string, appDir: string, extraEnv: Record<string, string>): Promise<LaunchResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  // With this set, the binary would run as plain Node and execute package.json's main without Electron.
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    // The repo is the app folder: Electron reads package.json (productName "Facteur", "main"), so the app name,
    // and with it the keychain entry safeStorage uses, match the packaged app's.
    const child = spawn(executable, [appDir], { cwd: appDir, env, detached: true, stdio: 'inherit' });
    child.once('error', (error) => resolve({ started: false, reason: `Could not run ${executable}: ${error.message}` }));
    child.once('spawn', () => {
      // The CLI may exit while the app runs on.
      child.unref();
      resolve({ started: true });
    });
  });
}
