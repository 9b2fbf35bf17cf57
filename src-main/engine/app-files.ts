import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds a file that ships with the app (migrations, the built renderer, resources) by walking up from this
 * module: the same code runs from src (tests), from dist (CLI, web host) and from an asar archive (Electron).
 */
export function findAppFile(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Facteur's own file "${relative}" is missing from the installation; reinstall the app.`);
    dir = parent;
  }
}

let version: string | undefined;
/** package.json is the one place the version is written. */
export function appVersion(): string {
  version ??= (JSON.parse(readFileSync(findAppFile('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
