import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeMessage, type Analysis } from './analyze.js';

type Pending = { resolve: (a: Analysis) => void; reject: (e: Error) => void };

/**
 * One thread per core: the engine's own thread mostly waits on the network and SQLite's fsyncs meanwhile.
 * Parsing MIME is the CPU-heavy part of ingest; on a sync of thousands of messages it runs on worker threads
 * while the engine's thread talks IMAP and writes SQLite (ARCHITECTURE.md: long CPU work off the event loop).
 * Falls back to the engine's thread where the compiled worker is absent (tests running the TypeScript sources).
 */
export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly load = new Map<Worker, number>();
  private next = 1;

  constructor(size = defaultSize()) {
    const script = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
    if (size === 0 || !existsSync(script)) return;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      worker.unref();
      worker.on('message', (m: { id: number; analysis?: Analysis; error?: string }) => {
        this.load.set(worker, (this.load.get(worker) ?? 1) - 1);
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (!p) return;
        if (m.analysis) p.resolve(revive(m.analysis));
        else p.reject(new Error(m.error ?? 'The parser thread failed.'));
      });
      worker.on('error', (error) => this.failAll(error));
      this.workers.push(worker);
      this.load.set(worker, 0);
    }
  }

  analyze(raw: Buffer, sha256: string): Promise<Analysis> {
    if (this.workers.length === 0) return analyzeMessage(raw, sha256);
    const worker = this.workers.reduce((a, b) => ((this.load.get(a) ?? 0) <= (this.load.get(b) ?? 0) ? a : b));
    this.load.set(worker, (this.load.get(worker) ?? 0) + 1);
    const id = this.next++;
    return new Promise<Analysis>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, raw, sha256 });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/** FACTEUR_PARSE_THREADS overrides (0: parse on the engine's thread). */
function defaultSize(): number {
  const configured = Number(process.env.FACTEUR_PARSE_THREADS);
  return Number.isInteger(configured) && configured >= 0 ? Math.min(configured, 16) : Math.max(1, Math.min(4, availableParallelism()));
}

/** Structured clone turns Buffers into plain Uint8Arrays and Dates survive; give Buffers back their methods. */
function revive(a: Analysis): Analysis {
  const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  return {
    ...a,
    parsed: { ...a.parsed, attachments: a.parsed.attachments.map((x) => ({ ...x, content: buf(x.content) })) },
    source: { ...a.source, bytes: buf(a.source.bytes) },
  };
}
