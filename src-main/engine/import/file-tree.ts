import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** What a walk finds, in order: a file of the kind asked for, or a folder that could not be listed. */
export type TreeEntry =
  | { kind: 'file'; folder: string[]; name: string; path: string }
  | { kind: 'unlisted'; folder: string[]; path: string; reason: string };

/** Files every desktop leaves in folders; not counted as "other" items of an export. */
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

/**
 * The files under `root` whose names match `wanted`, in a fixed order (byte order of names, locale-independent; a
 * folder's files before its subfolders), with their folder names relative to `root`. Other visible files are
 * counted through `other`, so the report can say what was left aside.
 */
export async function* walkFiles(root: string, wanted: RegExp, other: () => void, folder: string[] = []): AsyncGenerator<TreeEntry> {
  const relative = folder.join('/');
  let dirents: Dirent[];
  try {
    dirents = await readdir(join(root, ...folder), { withFileTypes: true });
  } catch (error) {
    yield { kind: 'unlisted', folder, path: relative, reason: `The folder cannot be read: ${(error as Error).message}` };
    return;
  }
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const subfolders: string[] = [];
  for (const dirent of dirents) {
    if (dirent.isDirectory()) subfolders.push(dirent.name);
    else if (wanted.test(dirent.name)) yield { kind: 'file', folder, name: dirent.name, path: relative ? `${relative}/${dirent.name}` : dirent.name };
    else if (!dirent.name.startsWith('.') && !SYSTEM_FILES.has(dirent.name.toLowerCase())) other();
  }
  // Symbolic links to folders are not followed: one that points back up would make the walk endless.
  for (const name of subfolders) yield* walkFiles(root, wanted, other, [...folder, name]);
}
