import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineError } from '../errors.js';

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface BlobFile {
  sha256: string;
  path: string;
  mtimeMs: number;
}

/**
 * Content-addressed files under `<root>/ab/<sha256>`. A file is complete on disk (written to a temp file, fsynced,
 * renamed, directory fsynced) before `put` returns, so a row that names it may commit: a crash at any point leaves
 * either no file, a stray temp file, or a whole file no row names yet (which the sweeper removes).
 */
export class BlobStore {
  private readonly tmpDir: string;
  /** Shard folders known to exist: creating a file costs a millisecond here, a needless mkdir almost as much. */
  private readonly shards = new Set<string>();
  /** Writes in flight, so two messages sharing an attachment write it once. */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(readonly root: string) {
    this.tmpDir = join(root, 'tmp');
    mkdirSync(this.tmpDir, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new EngineError('INVALID_INPUT', `"${sha256}" is not a sha256 blob name.`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  put(bytes: Uint8Array): { sha256: string; size: number; created: boolean } {
    const sha256 = sha256Hex(bytes);
    const target = this.pathOf(sha256);
    if (existsSync(target)) return { sha256, size: bytes.length, created: false };
    const dir = join(this.root, sha256.slice(0, 2));
    mkdirSync(dir, { recursive: true });
    const tmp = join(this.tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
    const fd = openSync(tmp, 'w', 0o600);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    fsyncDir(dir);
    return { sha256, size: bytes.length, created: true };
  }

  /**
   * The same guarantee as `put`, with the file work on libuv's threads: the caller computes the name at once and
   * awaits `done` before committing a row that names it, while parsing the next message goes on meanwhile.
   */
  putAsync(bytes: Uint8Array, knownSha256?: string): { sha256: string; size: number; done: Promise<void> } {
    const sha256 = knownSha256 ?? sha256Hex(bytes);
    const inFlight = this.writing.get(sha256);
    if (inFlight) return { sha256, size: bytes.length, done: inFlight };
    const done = this.writeAsync(sha256, bytes).finally(() => this.writing.delete(sha256));
    this.writing.set(sha256, done);
    return { sha256, size: bytes.length, done };
  }

  private async writeAsync(sha256: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(sha256);
    if (existsSync(target)) return;
    const dir = join(this.root, sha256.slice(0, 2));
    if (!this.shards.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.shards.add(dir);
    }
    const tmp = join(this.tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
    const file = await open(tmp, 'w', 0o600);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, target);
    if (process.platform !== 'win32') {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  }

  /** Throws BLOB_MISSING (never a crash) when a row names a file that is gone. */
  read(sha256: string): Buffer {
    try {
      return readFileSync(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new EngineError('BLOB_MISSING', `The stored file ${sha256} is missing from the data folder; restore it from a backup.`, { sha256 });
      }
      throw error;
    }
  }

  *list(): Generator<BlobFile> {
    for (const shard of safeReaddir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of safeReaddir(join(this.root, shard))) {
        if (!SHA256.test(name)) continue;
        const path = join(this.root, shard, name);
        yield { sha256: name, path, mtimeMs: statSync(path).mtimeMs };
      }
    }
  }

  remove(sha256: string): void {
    try {
      unlinkSync(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  /** Temp files left by a crash mid-write; nothing names them. */
  clearTemp(olderThanMs: number): number {
    let removed = 0;
    for (const name of safeReaddir(this.tmpDir)) {
      const path = join(this.tmpDir, name);
      if (Date.now() - statSync(path).mtimeMs >= olderThanMs) {
        unlinkSync(path);
        removed++;
      }
    }
    return removed;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Makes the rename durable. Windows cannot open a directory for fsync, and NTFS journals renames itself. */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
