#!/usr/bin/env node
// `npm run -s facteur -- ARGS` from a checkout: builds first when the sources are newer than the build, then runs
// the CLI. Plain JS because it must run before anything is compiled. Build output goes to stderr so that
// `--json` keeps stdout clean.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outputs = [join(root, 'dist/src-main/cli/main.js'), join(root, 'dist/renderer/index.html')];

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
const sources = Math.max(...['src-main', 'src-shared', 'src-renderer', 'migrations'].map((d) => newest(join(root, d))), statSync(join(root, 'package.json')).mtimeMs);
if (sources > built) {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [outputs[0], ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
