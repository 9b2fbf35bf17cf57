import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { safeFileName, uniqueFileName } from '../../../src-shared/domain/attachment-files.js';

/**
 * Names on disk for an export: folder and file names made safe (attachment-files.ts) and unique within their
 * directory, compared without case (Windows and macOS folders ignore it), against what the directory already held
 * and what this export gave out. An export never writes over an existing file: it takes the next "name (2)".
 */
export class TargetNames {
  /** A folder path (JSON of its names) → the name its directory (and for mbox, its file) got. */
  private readonly folders = new Map<string, string>();
  /** A directory, relative ('/' joined) → lower-case names in use there. */
  private readonly taken = new Map<string, Set<string>>();

  /** @param forms what a folder name stands for in its parent: [''] a directory; ['', '.mbox'] also its mbox file. */
  constructor(
    private readonly root: string,
    private readonly forms: string[],
  ) {}

  /** The directory names a folder path becomes, each made safe and unique among its siblings. */
  async directory(folder: string[]): Promise<string[]> {
    const names: string[] = [];
    for (let depth = 0; depth < folder.length; depth++) {
      const key = JSON.stringify(folder.slice(0, depth + 1));
      let name = this.folders.get(key);
      if (name === undefined) {
        const taken = await this.takenIn(names);
        name = uniqueFileName(safeName(folder[depth]!, 'folder'), (candidate) => this.forms.some((form) => taken.has(`${candidate}${form}`.toLowerCase())));
        for (const form of this.forms) taken.add(`${name}${form}`.toLowerCase());
        this.folders.set(key, name);
      }
      names.push(name);
    }
    return names;
  }

  /** A file name in a directory of the export: `stem` made safe, then `extension`, then numbered if taken. */
  async file(directory: string[], stem: string, extension: string): Promise<string> {
    const taken = await this.takenIn(directory);
    // The stem is made safe on its own first: a stem of dots alone would otherwise leave the bare extension.
    const name = uniqueFileName(safeName(`${safeName(stem, 'message')}${extension}`, 'message'), (candidate) => taken.has(candidate.toLowerCase()));
    taken.add(name.toLowerCase());
    return name;
  }

  private async takenIn(directory: string[]): Promise<Set<string>> {
    const key = directory.join('/');
    let taken = this.taken.get(key);
    if (!taken) {
      const existing = await readdir(join(this.root, ...directory)).catch(() => [] as string[]);
      taken = new Set(existing.map((n) => n.toLowerCase()));
      this.taken.set(key, taken);
    }
    return taken;
  }
}

/** A slash in a folder name or subject is part of the name here, not a path: safeFileName would keep only its tail. */
const safeName = (name: string, fallback: string) => safeFileName(name.replace(/[/\\]/g, '_'), fallback);
