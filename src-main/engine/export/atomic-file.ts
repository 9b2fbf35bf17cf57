import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A file that appears complete or not at all: written to a hidden temp file beside it, fsynced, then renamed
 * over its name (rename is atomic within a directory). The directory's fsync is left to the caller, who may make
 * many files in it and sync it once (fsyncDirectory).
 */
export class AtomicFile {
  private constructor(
    readonly path: string,
    private readonly temp: string,
    private handle: FileHandle | null,
  ) {}

  static async create(path: string): Promise<AtomicFile> {
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    return new AtomicFile(path, temp, await open(temp, 'wx', 0o644));
  }

  get isOpen(): boolean {
    return this.handle !== null;
  }

  async write(pieces: Buffer[]): Promise<void> {
    if (!this.handle) this.handle = await open(this.temp, 'a');
    // writev takes at most IOV_MAX (1024 on Linux) buffers in one call.
    for (let i = 0; i < pieces.length; i += 1024) await this.handle.writev(pieces.slice(i, i + 1024));
  }

  /** Closes the descriptor without finishing, so that many files can wait their turn with few descriptors open. */
  async suspend(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }

  async commit(): Promise<void> {
    if (!this.handle) this.handle = await open(this.temp, 'r+');
    try {
      await this.handle.sync();
    } finally {
      await this.handle.close();
      this.handle = null;
    }
    await rename(this.temp, this.path);
  }

  async abandon(): Promise<void> {
    await this.handle?.close().catch(() => {});
    this.handle = null;
    await rm(this.temp, { force: true });
  }
}

export async function writeFileAtomic(path: string, pieces: Buffer[]): Promise<void> {
  const file = await AtomicFile.create(path);
  try {
    await file.write(pieces);
    await file.commit();
  } catch (error) {
    await file.abandon();
    throw error;
  }
}

/** Makes renames in `dir` durable. Windows cannot open a directory for fsync (NTFS journals renames itself). */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
