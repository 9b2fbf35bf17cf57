import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describeSize, MAX_MESSAGE_BYTES } from './limits.js';
import { walkFiles, type TreeEntry } from './file-tree.js';
import { NO_NON_MAIL, type ImportItem, type ImportSource, type NonMailCounts } from './source.js';
import { sourcePathError } from './source-path-error.js';

export interface EmlSourceOptions {
  maxMessageBytes?: number;
}

/** What the walk finds, in order: a message file, or a folder that could not be listed (a failure item of its own). */
type Entry = TreeEntry;

/** Files read ahead of the one being handed over; files above READ_AHEAD_MAX_BYTES are read only in their turn. */
const READ_AHEAD = 8;
const READ_AHEAD_MAX_BYTES = 1024 * 1024;
type Deferred = () => Promise<ImportItem>;

/** Files the operating system leaves in folders; not the person's content, so not counted as "other". */

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
    // A few files are read ahead, in order, so the disk's latency overlaps; a big one waits for its turn, so memory
    // holds at most READ_AHEAD small files and one big one. Neither step rejects: failures are items.
    const ahead: Promise<ImportItem | Deferred>[] = [];
    const next = async () => {
      const item = await ahead.shift()!;
      return typeof item === 'function' ? item() : item;
    };
    for await (const entry of this.entries(tally)) {
      if (position++ < from) continue;
      ahead.push(entry.kind === 'file' ? this.read(entry) : Promise.resolve({ folder: entry.folder, key: `${entry.path}/`, failure: entry.reason }));
      if (ahead.length >= READ_AHEAD) yield await next();
    }
    while (ahead.length > 0) yield await next();
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
    yield* walkFiles(this.root, /\.eml$/i, () => tally.others++);
  }

  /** The item, or for a big file a function that reads it (called when its turn comes). */
  private async read(entry: Extract<Entry, { kind: 'file' }>): Promise<ImportItem | Deferred> {
    const path = this.isDirectory ? join(this.root, entry.path) : this.root;
    const item = { folder: entry.folder, key: entry.path };
    let size: number;
    try {
      const info = await stat(path);
      // A FIFO or a device named *.eml would block or never end.
      if (!info.isFile()) return { ...item, failure: 'Not a regular file.' };
      size = info.size;
    } catch (error) {
      return { ...item, failure: `The file cannot be read: ${(error as Error).message}` };
    }
    if (size === 0) return { ...item, failure: 'The file is empty.' };
    if (size > this.max) return { ...item, failure: `The file is ${describeSize(size)}, more than the ${describeSize(this.max)} a message may have: it was left out.` };
    const load = () =>
      readFile(path).then(
        (raw): ImportItem => ({ ...item, raw }),
        (error: Error): ImportItem => ({ ...item, failure: `The file cannot be read: ${error.message}` }),
      );
    return size > READ_AHEAD_MAX_BYTES ? load : load();
  }
}
