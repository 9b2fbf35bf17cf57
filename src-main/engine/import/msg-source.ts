import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { itemKind } from './item-class.js';
import { MAX_MESSAGE_BYTES } from './limits.js';
import { readMsgFile } from './msg-file.js';
import { mapiToMime } from './msg-to-mime.js';
import { walkFiles, type TreeEntry } from './file-tree.js';
import { NO_NON_MAIL, type ImportItem, type ImportSource, type NonMailCounts } from './source.js';
import { sourcePathError } from './source-path-error.js';

/** Files the operating system leaves in folders; not the person's content, so not counted as "other". */

type Entry = TreeEntry | { kind: 'file'; folder: string[]; path: string };

/**
 * One Outlook .msg file, or a folder tree of them: each mail item becomes a message in the folder named by its
 * directories; contacts, calendar items, tasks and notes saved as .msg are counted, not imported. Order is by
 * name in UTF-16 code units (never the locale's collation), a folder's files before its subfolders, so positions
 * are the same on every run.
 */
export async function openMsgSource(path: string): Promise<ImportSource> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw sourcePathError(path, error);
  }
  return new MsgSource(path, isDirectory);
}

class MsgSource implements ImportSource {
  readonly format = 'msg' as const;
  private counts: NonMailCounts = { ...NO_NON_MAIL };

  constructor(
    private readonly root: string,
    private readonly isDirectory: boolean,
  ) {}

  /**
   * Positions count mail items and failures; a non-mail .msg is not a position. Skipping to a checkpoint reads
   * each earlier file's properties again (to tell mail from the rest) but builds no message.
   */
  async *items(from: number): AsyncIterable<ImportItem> {
    this.counts = { ...NO_NON_MAIL };
    let position = 0;
    for await (const entry of this.entries()) {
      const folder = entry.folder;
      const key = entry.path;
      if (entry.kind === 'unlisted') {
        if (position++ >= from) yield { folder, key: `${key}/`, failure: entry.reason };
        continue;
      }
      const read = await this.read(entry);
      if ('failure' in read) {
        if (position++ >= from) yield { folder, key, failure: read.failure };
        continue;
      }
      const kind = itemKind(read.message.messageClass);
      if (kind !== 'mail') {
        this.counts[kind]++;
        continue;
      }
      if (position++ < from) continue;
      try {
        yield { folder, key, raw: mapiToMime(read.message) };
      } catch (error) {
        yield { folder, key, failure: `This message cannot be converted: ${(error as Error).message}` };
      }
    }
  }

  /** Telling mail from contacts means reading every file: not cheap for a folder, trivial for one file. */
  async count(): Promise<number | null> {
    if (this.isDirectory) return null;
    const read = await this.read({ kind: 'file', folder: [], path: basename(this.root) });
    return 'failure' in read || itemKind(read.message.messageClass) === 'mail' ? 1 : 0;
  }

  nonMail(): NonMailCounts {
    return { ...this.counts };
  }

  async close(): Promise<void> {}

  private async *entries(): AsyncGenerator<Entry> {
    if (!this.isDirectory) {
      yield { kind: 'file', folder: [], path: basename(this.root) };
      return;
    }
    yield* walkFiles(this.root, /\.msg$/i, () => this.counts.other++);
  }

  private async read(entry: Extract<Entry, { kind: 'file' }>) {
    const path = this.isDirectory ? join(this.root, entry.path) : this.root;
    try {
      const info = await stat(path);
      if (!info.isFile()) return { failure: 'Not a regular file.' };
      if (info.size === 0) return { failure: 'The file is empty.' };
      if (info.size > MAX_MESSAGE_BYTES) return { failure: `The file is larger than a message may be (${Math.round(MAX_MESSAGE_BYTES / 1048576)} MB): it was left out.` };
      return { message: readMsgFile(await readFile(path), entry.path) };
    } catch (error) {
      return { failure: (error as Error).message };
    }
  }
}
