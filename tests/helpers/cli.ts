import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'src-main', 'cli', 'main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** Runs the built `facteur` command as a user would (npm test builds first). */
export function runCli(dataDir: string, args: string[]): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args, '--data', dataDir], { encoding: 'buffer', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), stdoutBytes: r.stdout };
}

export function runCliJson<T>(dataDir: string, args: string[]): T {
  const r = runCli(dataDir, [...args, '--json']);
  if (r.code !== 0) throw new Error(`facteur ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export function spawnCli(dataDir: string, args: string[]) {
  return spawn(process.execPath, [CLI, ...args, '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
}
