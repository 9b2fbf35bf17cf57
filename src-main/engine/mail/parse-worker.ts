import { parentPort } from 'node:worker_threads';
import { analyzeMessage } from './analyze.js';

/** A parse-pool thread: analyses messages sent by the engine's thread and answers with the result. */
parentPort?.on('message', (job: { id: number; raw: Uint8Array; sha256: string }) => {
  const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
  analyzeMessage(raw, job.sha256).then(
    (analysis) => parentPort!.postMessage({ id: job.id, analysis }),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: (error as Error).message }),
  );
});
