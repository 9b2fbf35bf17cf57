import { parentPort, workerData } from 'node:worker_threads';
import { openSource } from './open-source.js';
import { takeBatch } from './source-reader.js';
import type { ImportSource } from './source.js';

/** The worker side of source-reader.ts: opens the source and answers "count" and "next" one at a time. */
const { format, path, from } = workerData as { format: ImportSource['format']; path: string; from: number };
const source = await openSource(format, path);
const iterator = source.items(from)[Symbol.asyncIterator]();
let finished = false;

parentPort!.on('message', (request: { id: number; type: 'count' | 'next' }) => {
  void (async () => {
    try {
      if (request.type === 'count') {
        parentPort!.postMessage({ id: request.id, count: await source.count() });
        return;
      }
      if (finished) {
        parentPort!.postMessage({ id: request.id, batch: null });
        return;
      }
      const { items, done } = await takeBatch(iterator);
      finished = done;
      const transfer = items.flatMap((i) => (i.raw ? [i.raw.buffer as ArrayBuffer] : []));
      // A Buffer may share its ArrayBuffer with others (Node's pool): copy those rather than transfer them.
      const safe = new Set(transfer).size === transfer.length && items.every((i) => !i.raw || i.raw.byteLength === i.raw.buffer.byteLength);
      parentPort!.postMessage({ id: request.id, batch: { items, nonMail: done ? source.nonMail() : null } }, safe ? transfer : []);
    } catch (error) {
      parentPort!.postMessage({ id: request.id, error: (error as Error).message });
    }
  })();
});
