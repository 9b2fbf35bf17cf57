import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineError } from '../errors.js';
import { describeSize, MAX_MESSAGE_BYTES } from './limits.js';
import { MboxScanner, type MboxMessage, type MboxScanOptions } from './mbox-scanner.js';
import { listMboxTree, type MboxTreeFile } from './mbox-tree.js';
import { NO_NON_MAIL, type ImportItem, type ImportSource, type NonMailCounts } from './source.js';
import { sourcePathError } from './source-path-error.js';

/**
 * An mbox file as an import source, or a folder tree of them (mbox-tree.ts): one item per message, in file order,
 * in the folder its file stands for (a single file's messages sit at the source's top; the job names that after the
 * file). Items carry the bytes between the envelope line and the next, un-quoted (mboxrd.ts). A resumed read scans
 * again from the start and skips the first messages without copying them: a read of the file, nothing held.
 */
export async function openMboxSource(path: string, options: MboxScanOptions = {}): Promise<ImportSource> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw sourcePathError(path, error);
  }
  if (isDirectory) {
    const files = await listMboxTree(path);
    if (files.length === 0) throw new EngineError('INVALID_INPUT', `${path} holds no mbox files.`);
    return new MboxSource(path, files, options);
  }
  // Refuse a file that is not an mbox now, with a message, rather than at the first item.
  let probe: MboxScanner | null = null;
  try {
    probe = await MboxScanner.open(path, options);
    await probe.ready();
  } catch (error) {
    throw sourcePathError(path, error);
  } finally {
    await probe?.close();
  }
  return new MboxSource(path, null, options);
}

class MboxSource implements ImportSource {
  readonly format = 'mbox' as const;
  private readonly scanners = new Set<MboxScanner>();

  /** `files` null: `path` is one mbox file. */
  constructor(
    private readonly path: string,
    private readonly files: MboxTreeFile[] | null,
    private readonly options: MboxScanOptions,
  ) {}

  async *items(from: number): AsyncIterable<ImportItem> {
    let position = 0;
    for (const file of this.files ?? [null]) {
      const folder = file?.folder ?? [];
      const prefix = file ? `${file.path} ` : '';
      let scanner: MboxScanner | null = null;
      try {
        scanner = await this.scanner(file);
        await scanner.ready();
      } catch (error) {
        if (scanner) await this.release(scanner);
        // Only a tree's file can fail here (a single file was checked when opened): it is one failure item.
        if (!file) throw sourcePathError(this.path, error);
        if (position++ >= from) yield { folder, key: file.path, failure: sourcePathError(file.path, error).message };
        continue;
      }
      try {
        for (;;) {
          const message = await scanner.next(position >= from);
          if (!message) break;
          if (position++ >= from) yield this.item(folder, prefix, message);
        }
      } finally {
        await this.release(scanner);
      }
    }
  }

  async count(): Promise<number> {
    let count = 0;
    for (const file of this.files ?? [null]) {
      let scanner: MboxScanner | null = null;
      try {
        scanner = await this.scanner(file);
        await scanner.ready();
        while (await scanner.next(false)) count++;
      } catch (error) {
        if (!file) throw sourcePathError(this.path, error);
        count++;
      } finally {
        if (scanner) await this.release(scanner);
      }
    }
    return count;
  }

  nonMail(): NonMailCounts {
    return { ...NO_NON_MAIL };
  }

  async close(): Promise<void> {
    await Promise.all([...this.scanners].map((s) => this.release(s)));
  }

  private item(folder: string[], prefix: string, message: MboxMessage): ImportItem {
    const key = `${prefix}offset ${message.offset}`;
    if (message.tooLarge) {
      const max = this.options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
      return { folder, key, failure: `The message is ${describeSize(message.size)}, more than the ${describeSize(max)} a message may have: it was left out.` };
    }
    if (message.size === 0) return { folder, key, failure: 'An empty message: a "From " line with nothing after it.' };
    return { folder, key, raw: message.raw! };
  }

  private async scanner(file: MboxTreeFile | null): Promise<MboxScanner> {
    const scanner = await MboxScanner.open(file ? join(this.path, ...file.path.split('/')) : this.path, this.options);
    this.scanners.add(scanner);
    return scanner;
  }

  private async release(scanner: MboxScanner): Promise<void> {
    if (!this.scanners.delete(scanner)) return;
    await scanner.close();
  }
}
