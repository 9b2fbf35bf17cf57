import { describeSize, MAX_MESSAGE_BYTES } from './limits.js';
import { MboxScanner, type MboxMessage, type MboxScanOptions } from './mbox-scanner.js';
import { NO_NON_MAIL, type ImportItem, type ImportSource, type NonMailCounts } from './source.js';
import { sourcePathError } from './source-path-error.js';

/**
 * An mbox file as an import source: one item per message, in file order, all in the source's top folder (the job
 * names that after the file). Items carry the bytes between the envelope line and the next, un-quoted (mboxrd.ts).
 * A resumed read scans again from the start and skips the first messages without copying them, which costs a read
 * of the file but holds nothing of them in memory.
 */
export async function openMboxSource(path: string, options: MboxScanOptions = {}): Promise<ImportSource> {
  // Refuse a missing or non-mbox file now, with a message, rather than at the first item.
  let probe: MboxScanner | null = null;
  try {
    probe = await MboxScanner.open(path, options);
    await probe.ready();
  } catch (error) {
    throw sourcePathError(path, error);
  } finally {
    await probe?.close();
  }
  return new MboxSource(path, options);
}

class MboxSource implements ImportSource {
  readonly format = 'mbox' as const;
  private readonly scanners = new Set<MboxScanner>();

  constructor(
    private readonly path: string,
    private readonly options: MboxScanOptions,
  ) {}

  async *items(from: number): AsyncIterable<ImportItem> {
    const scanner = await this.scanner();
    try {
      for (let position = 0; ; position++) {
        const message = await scanner.next(position >= from);
        if (!message) return;
        if (position >= from) yield this.item(message);
      }
    } finally {
      await this.release(scanner);
    }
  }

  async count(): Promise<number> {
    const scanner = await this.scanner();
    try {
      let count = 0;
      while (await scanner.next(false)) count++;
      return count;
    } finally {
      await this.release(scanner);
    }
  }

  nonMail(): NonMailCounts {
    return { ...NO_NON_MAIL };
  }

  async close(): Promise<void> {
    await Promise.all([...this.scanners].map((s) => this.release(s)));
  }

  private item(message: MboxMessage): ImportItem {
    const key = `offset ${message.offset}`;
    if (message.tooLarge) {
      const max = this.options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
      return { folder: [], key, failure: `The message is ${describeSize(message.size)}, more than the ${describeSize(max)} a message may have: it was left out.` };
    }
    if (message.size === 0) return { folder: [], key, failure: 'An empty message: a "From " line with nothing after it.' };
    return { folder: [], key, raw: message.raw! };
  }

  private async scanner(): Promise<MboxScanner> {
    try {
      const scanner = await MboxScanner.open(this.path, this.options);
      this.scanners.add(scanner);
      return scanner;
    } catch (error) {
      throw sourcePathError(this.path, error);
    }
  }

  private async release(scanner: MboxScanner): Promise<void> {
    if (!this.scanners.delete(scanner)) return;
    await scanner.close();
  }
}
