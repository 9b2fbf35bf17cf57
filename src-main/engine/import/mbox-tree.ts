import type { Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CR, FROM, LF } from './mboxrd.js';

/** One mbox file of a folder tree, and the folder its messages go to. */
export interface MboxTreeFile {
  folder: string[];
  /** Relative to the tree's root, '/' between names. */
  path: string;
}

/**
 * The mbox files under a folder, with the folder each stands for, in the layouts mail programs export:
 *  - Thunderbird: "Inbox" (no extension) beside "Inbox.sbd/" holding its subfolders, "Inbox.msf" indexes ignored;
 *  - ours (export/mbox-writer.ts) and others': "Inbox.mbox" beside "Inbox/" holding its subfolders;
 *  - Apple Mail: a directory "Inbox.mbox/" holding the messages in a file named "mbox", subfolders inside it.
 * A file is an mbox by its content (empty, or a first line starting with "From "), never by its name alone. Order
 * is by name in UTF-16 code units, a folder's files before its subfolders, so the same tree lists the same way.
 */
export async function listMboxTree(root: string): Promise<MboxTreeFile[]> {
  const files: MboxTreeFile[] = [];
  await walk(root, [], [], basename(root).endsWith('.mbox'), files);
  return files;
}

async function walk(root: string, dir: string[], folder: string[], appleMailbox: boolean, out: MboxTreeFile[]): Promise<void> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(join(root, ...dir), { withFileTypes: true });
  } catch {
    return;
  }
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const subfolders: Dirent[] = [];
  for (const dirent of dirents) {
    if (dirent.isDirectory()) {
      subfolders.push(dirent);
      continue;
    }
    const path = join(root, ...dir, dirent.name);
    if (!(await isMboxFile(path))) continue;
    const own = appleMailbox && dirent.name === 'mbox';
    out.push({ folder: own ? folder : [...folder, folderName(dirent.name)], path: [...dir, dirent.name].join('/') });
  }
  // Symbolic links to folders are not followed (Dirent.isDirectory is false for them): one could loop back up.
  for (const sub of subfolders) await walk(root, [...dir, sub.name], [...folder, folderName(sub.name)], sub.name.endsWith('.mbox'), out);
}

/** "Inbox.sbd" and "Inbox.mbox" are the folder Inbox, like the file "Inbox". */
const folderName = (name: string) => name.replace(/\.(sbd|mbox|mbx)$/i, '') || name;

/** Empty (a folder without mail), or starting with "From " after an optional byte order mark and blank lines. */
export async function isMboxFile(path: string): Promise<boolean> {
  let file;
  try {
    if (!(await stat(path)).isFile()) return false;
    file = await open(path, 'r');
    const head = Buffer.alloc(512);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    while (i < bytesRead && (head[i] === LF || head[i] === CR)) i++;
    if (i >= bytesRead) return bytesRead === 0;
    return head.subarray(i, Math.min(bytesRead, i + FROM.length)).equals(FROM);
  } catch {
    return false;
  } finally {
    await file?.close();
  }
}
