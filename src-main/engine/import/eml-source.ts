import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describeSize, MAX_MESSAGE_BYTES } from './limits.js';
import { NO_NON_MAIL, type ImportItem, type ImportSource, type NonMailCounts } from './source.js';
import { sourcePathError } from './source-path-error.js';

export interface EmlSourceOptions {
  maxMessageBytes?: number;
}

/** What the walk finds, in order: a message file, or a folder that could not be listed (a failure item of its own). */
type Entry = { kind: 'file'; folder: string[]; name: string; path: string } | { kind: 'unlisted'; folder: string[]; path: string; reason: string };

/** Files the operating system leaves in folders; not the person's content, so not counted as "other". */
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

/**
 * One .eml file, or a folder tree of them: each file is an item with its bytes exactly as on disk, in the folder
 * named by its directories. Order is by name, compared by UTF-16 code units (never the locale's collation, which
 * differs between machines), a folder's own files before its subfolders, so positions are the same on every run.
 */
export async function openEmlSource(path: string, options: EmlSourceOptions = {}): Promise<ImportSource> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw sourcePathError(path, error);
  }
  return new EmlSource(path, isDirectory, options.maxMessageBytes ?? MAX_MESSAGE_BYTES);
}

class EmlSource implements ImportSource {
  readonly format = 'eml' as const;
  private others = 0;

  constructor(
    private readonly root: string,
    private readonly isDirectory: boolean,
    private readonly max: number,
  ) {}

  async *items(from: number): AsyncIterable<ImportItem> {
    let position = 0;
    const tally = { others: 0 };
    for await (const entry of this.entries(tally)) {
      if (position++ < from) continue;
      yield entry.kind === 'file' ? await this.read(entry) : { folder: entry.folder, key: `${entry.path}/`, failure: entry.reason };
    }
    this.others = tally.others;
  }

  async count(): Promise<number> {
    let count = 0;
    for await (const _ of this.entries({ others: 0 })) count++;
    return count;
  }

  nonMail(): NonMailCounts {
    return { ...NO_NON_MAIL, other: this.others };
  }

  async close(): Promise<void> {}

  private async *entries(tally: { others: number }): AsyncGenerator<Entry> {
    if (!this.isDirectory) {
      yield { kind: 'file', folder: [], name: basename(this.root), path: basename(this.root) };
      return;
    }
    yield* this.walk([], tally);
  }

  private async *walk(folder: string[], tally: { others: number }): AsyncGenerator<Entry> {
    const relative = folder.join('/');
    let dirents: Dirent[];
    try {
      dirents = await readdir(join(this.root, ...folder), { withFileTypes: true });
    } catch (error) {
      yield { kind: 'unlisted', folder, path: relative, reason: `The folder cannot be read: ${(error as Error).message}` };
      return;
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const dirent of dirents) {
      if (dirent.isDirectory()) subfolders.push(dirent.name);
      else if (/\.eml$/i.test(dirent.name)) yield { kind: 'file', folder, name: dirent.name, path: relative ? `${relative}/${dirent.name}` : dirent.name };
      else if (!dirent.name.startsWith('.') && !SYSTEM_FILES.has(dirent.name.toLowerCase())) tally.others++;
    }
    // Symbolic links to folders are not followed: one that points back up would make the walk endless.
    for (const name of subfolders) yield* this.walk([...folder, name], tally);
  }

  private async read(entry: Extract<Entry, { kind: 'file' }>): Promise<ImportItem> {
    const path = this.isDirectory ? join(this.root, entry.path) : this.root;
    const item = { folder: entry.folder, key: entry.path };
    try {
      const info = await stat(path);
      // A FIFO or a device named *.eml would block or never end.
      if (!info.isFile()) return { ...item, failure: 'Not a regular file.' };
      if (info.size === 0) return { ...item, failure: 'The file is empty.' };
      if (info.size > this.max) return { ...item, failure: `The file is ${describeSize(info.size)}, more than the ${describeSize(this.max)} a message may have: it was left out.` };
      return { ...item, raw: await readFile(path) };
    } catch (error) {
      return { ...item, failure: `The file cannot be read: ${(error as Error).message}` };
    }
  }
}
