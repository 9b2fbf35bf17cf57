import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uniqueFileName } from '../../../src-shared/domain/attachment-files.js';

/** Copies opened with the system's application stay a day: long enough to be open, then they are cleared. */
const OPENED_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Writes the copy an application will open: in a folder of its own under `root`, named as the attachment is (so
 * the application shows that name), read-only, since edits made there would not reach the message. Copies older
 * than a day are removed first.
 */
export function writeOpenedCopy(root: string, name: string, bytes: Uint8Array): string {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  clearOld(root, OPENED_KEEP_MS);
  const dir = join(root, randomBytes(8).toString('hex'));
  mkdirSync(dir, { mode: 0o700 });
  const path = join(dir, name);
  writeFileSync(path, bytes, { mode: 0o400, flag: 'wx' });
  return path;
}

function clearOld(root: string, olderThanMs: number): void {
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    try {
      if (Date.now() - statSync(path).mtimeMs > olderThanMs) rmSync(path, { recursive: true, force: true });
    } catch {
      // Still open elsewhere (Windows) or already gone: the next clearing tries again.
    }
  }
}

/**
 * Writes files into a folder the person chose, under their own names; a name already there, or already used by
 * this batch, becomes "name (2).ext" rather than overwriting anything (the 'wx' flag makes that hold against a
 * file that appears meanwhile, too).
 */
export function writeIntoFolder(folder: string, files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): string[] {
  const used = new Set<string>();
  const taken = (candidate: string) => used.has(candidate.toLowerCase()) || existsSync(join(folder, candidate));
  return files.map(({ name, bytes }) => {
    for (;;) {
      const chosen = uniqueFileName(name, taken);
      used.add(chosen.toLowerCase());
      const path = join(folder, chosen);
      try {
        writeFileSync(path, bytes, { flag: 'wx' });
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  });
}
