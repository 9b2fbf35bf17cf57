import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { openSource } from './open-source.js';
import type { ImportItem, ImportSource, NonMailCounts } from './source.js';

/** Items are handed over in batches: one message at a time would spend more on messaging than on work. */
export const BATCH_ITEMS = 64;
const BATCH_BYTES = 16 * 1024 * 1024;

export interface SourceBatch {
  items: ImportItem[];
  /** Set on the last batch. */
  nonMail: NonMailCounts | null;
}

export interface SourceReader {
  count(): Promise<number | null>;
  /** The next batch, or null once the source is read to the end. */
  next(): Promise<SourceBatch | null>;
  close(): Promise<void>;
}

/**
 * Reads a source from position `from` on. Reading a PST is synchronous and CPU-heavy, so sources run on a worker
 * thread and hand over batches one at a time (the job asks for the next when it has stored the last: memory stays
 * bounded whatever the file's size). Where the compiled worker is absent (tests running the TypeScript sources),
 * the source runs on this thread.
 */
export async function openReader(format: ImportSource['format'], path: string, from: number): Promise<SourceReader> {
  const script = fileURLToPath(new URL('./source-worker.js', import.meta.url));
  if (!existsSync(script)) return inThread(format, path, from);
  return inWorker(script, format, path, from);
}

async function inThread(format: ImportSource['format'], path: string, from: number): Promise<SourceReader> {
  const source = await openSource(format, path);
  const iterator = source.items(from)[Symbol.asyncIterator]();
  let finished = false;
  return {
    count: () => source.count(),
    next: async () => {
      if (finished) return null;
      const { items, done } = await takeBatch(iterator);
      finished = done;
      if (items.length === 0 && done) return { items, nonMail: source.nonMail() };
      return { items, nonMail: done ? source.nonMail() : null };
    },
    close: () => source.close(),
  };
}

/** Up to BATCH_ITEMS items or BATCH_BYTES bytes, whichever comes first. */
export async function takeBatch(iterator: AsyncIterator<ImportItem>): Promise<{ items: ImportItem[]; done: boolean }> {
  const items: ImportItem[] = [];
  let bytes = 0;
  while (items.length < BATCH_ITEMS && bytes < BATCH_BYTES) {
    const step = await iterator.next();
    if (step.done) return { items, done: true };
    items.push(step.value);
    bytes += step.value.raw?.length ?? 0;
  }
  return { items, done: false };
}

type Reply = { id: number; count?: number | null; batch?: SourceBatch | null; error?: string };

function inWorker(script: string, format: ImportSource['format'], path: string, from: number): Promise<SourceReader> {
  const worker = new Worker(script, { workerData: { format, path, from } });
  let next = 0;
  const waiting = new Map<number, { resolve(r: Reply): void; reject(e: Error): void }>();
  worker.on('message', (reply: Reply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.error !== undefined) w?.reject(new Error(reply.error));
    else w?.resolve(reply);
  });
  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`The import reader stopped (exit code ${code}).`)));
  const ask = (type: 'count' | 'next') =>
    new Promise<Reply>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, type });
    });
  return Promise.resolve({
    count: async () => (await ask('count')).count ?? null,
    next: async () => {
      const batch = (await ask('next')).batch ?? null;
      // Structured cloning turns a Buffer into a plain Uint8Array.
      for (const item of batch?.items ?? []) if (item.raw) item.raw = Buffer.from(item.raw.buffer, item.raw.byteOffset, item.raw.byteLength);
      return batch;
    },
    close: async () => {
      await worker.terminate();
    },
  });
}
