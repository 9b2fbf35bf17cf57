import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteFromLines } from '../import/mboxrd.js';
import { AtomicFile, fsyncDirectory } from './atomic-file.js';
import { envelopeLine, lineEndOf } from './envelope-line.js';
import type { ExportMessage, ExportOptions, ExportSummary } from './export-message.js';
import { TargetNames } from './target-names.js';

export interface MboxExportOptions extends ExportOptions {
  /** The file name (without .mbox) for messages of the export's top level (folder []). */
  rootName?: string;
}

/** Bytes gathered per file before they are written. */
const FLUSH_BYTES = 1024 * 1024;
/** Files kept open at once when messages of many folders come interleaved; the others are reopened when needed. */
const MAX_OPEN = 32;

interface Output {
  file: AtomicFile;
  pending: Buffer[];
  pendingBytes: number;
}

/**
 * Writes mboxrd files, one per folder: folder ["Inbox"] → Inbox.mbox, ["Inbox", "Clients"] → Inbox/Clients.mbox,
 * under `target`. Each message gets an envelope line and quoting (mboxrd.ts), and mbox-source.ts reads back its
 * exact bytes. The files appear when complete (temp file, fsync, rename); on a cancel, what was written is kept.
 */
export async function writeMboxTree(messages: AsyncIterable<ExportMessage>, target: string, options: MboxExportOptions = {}): Promise<ExportSummary> {
  await mkdir(target, { recursive: true });
  const names = new TargetNames(target, ['', '.mbox']);
  const outputs = new Map<string, Output>();
  const directories = new Set<string>([target]);
  const summary: ExportSummary = { messages: 0, bytes: 0, files: 0 };
  let open = 0;

  const flush = async (output: Output) => {
    if (output.pending.length === 0) return;
    if (!output.file.isOpen) {
      // Make room first: the least recently used open file (the map keeps use order) is closed until needed.
      if (open >= MAX_OPEN) {
        for (const other of outputs.values()) {
          if (other.file.isOpen) {
            await other.file.suspend();
            open--;
            break;
          }
        }
      }
      open++;
    }
    await output.file.write(output.pending);
    output.pending = [];
    output.pendingBytes = 0;
  };

  try {
    for await (const message of messages) {
      if (options.signal?.aborted) break;
      const key = JSON.stringify(message.folder);
      let output = outputs.get(key);
      if (output) {
        outputs.delete(key);
      } else {
        output = await createOutput(names, target, message.folder, options.rootName ?? 'Messages', directories);
        open++;
      }
      outputs.set(key, output);
      const eol = Buffer.from(lineEndOf(message.raw), 'latin1');
      const pieces = [Buffer.from(envelopeLine(message.raw, message.receivedAt), 'latin1'), eol, ...quoteFromLines(message.raw), eol];
      for (const piece of pieces) output.pendingBytes += piece.length;
      output.pending.push(...pieces);
      if (output.pendingBytes >= FLUSH_BYTES) await flush(output);
      summary.messages++;
      summary.bytes += message.raw.length;
      options.onProgress?.(summary.messages);
    }
    for (const output of outputs.values()) {
      await flush(output);
      await output.file.commit();
      summary.files++;
    }
  } catch (error) {
    await Promise.all([...outputs.values()].map((o) => o.file.abandon()));
    throw error;
  }
  for (const directory of directories) await fsyncDirectory(directory);
  options.signal?.throwIfAborted();
  return summary;
}

async function createOutput(names: TargetNames, target: string, folder: string[], rootName: string, directories: Set<string>): Promise<Output> {
  let directory: string[];
  let stem: string;
  if (folder.length === 0) {
    directory = [];
    stem = rootName;
  } else {
    const path = await names.directory(folder);
    directory = path.slice(0, -1);
    stem = path[path.length - 1]!;
  }
  for (let depth = 1; depth <= directory.length; depth++) {
    const dir = join(target, ...directory.slice(0, depth));
    if (!directories.has(dir)) {
      await mkdir(dir, { recursive: true });
      directories.add(dir);
    }
  }
  // A folder's own name was made unique with its .mbox form; the top level's file still needs checking.
  const name = folder.length === 0 ? await names.file([], stem, '.mbox') : `${stem}.mbox`;
  return { file: await AtomicFile.create(join(target, ...directory, name)), pending: [], pendingBytes: 0 };
}
