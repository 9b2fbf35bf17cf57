import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDirectory, writeFileAtomic } from './atomic-file.js';
import type { ExportMessage, ExportOptions, ExportSummary } from './export-message.js';
import { TargetNames } from './target-names.js';

/** Files written at once: fsync waits on the disk, and a few in flight keep it busy. */
const PARALLEL = 8;

/**
 * Writes each message to its own .eml file, exactly its bytes, in a directory tree that mirrors its folders under
 * `target`. Names are assigned in the order messages come, so the same messages give the same files.
 */
export async function writeEmlTree(messages: AsyncIterable<ExportMessage>, target: string, options: ExportOptions = {}): Promise<ExportSummary> {
  await mkdir(target, { recursive: true });
  const names = new TargetNames(target, ['']);
  const directories = new Set<string>([target]);
  const summary: ExportSummary = { messages: 0, bytes: 0, files: 0 };
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  try {
    for await (const message of messages) {
      if (failure || options.signal?.aborted) break;
      const folder = await names.directory(message.folder);
      const directory = join(target, ...folder);
      if (!directories.has(directory)) {
        await mkdir(directory, { recursive: true });
        // The new directories' own entries must be made durable too, in each parent up to the target.
        for (let d = directory; d !== target && !directories.has(d); d = dirname(d)) directories.add(d);
      }
      const file = join(directory, await names.file(folder, message.name, '.eml'));
      const write: Promise<void> = writeFileAtomic(file, [message.raw])
        .then(
          () => {
            summary.messages++;
            summary.files++;
            summary.bytes += message.raw.length;
            options.onProgress?.(summary.messages);
          },
          (error: unknown) => {
            failure ??= error;
          },
        )
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= PARALLEL) await Promise.race(inFlight);
    }
  } finally {
    await Promise.all(inFlight);
    // Files written stay, even on a cancel or a failure: their directory entries are made durable too.
    for (const directory of directories) {
      await fsyncDirectory(directory).catch((error: unknown) => {
        failure ??= error;
      });
    }
  }
  if (failure) throw failure;
  options.signal?.throwIfAborted();
  return summary;
}

/** One message to one .eml file at `path` (a save dialog's choice: an existing file there is replaced, atomically). */
export async function writeEmlFile(path: string, raw: Buffer): Promise<void> {
  await writeFileAtomic(path, [raw]);
  await fsyncDirectory(dirname(path));
}
