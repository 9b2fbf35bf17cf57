import type { DocumentFolder } from '../../../src-shared/contract/index.js';
import { folderName } from '../../../src-shared/domain/document-paths.js';

export interface FolderEntry {
  /** '' for the main folder. */
  path: string;
  name: string;
  depth: number;
  /** Files in it and below it. */
  total: number;
}

/**
 * The tree as rows: the main folder first (counting every file), then the engine's folders, which come parents
 * before children, each indented by its depth.
 */
export function folderRows(folders: readonly DocumentFolder[], fileCount: number, mainName: string): FolderEntry[] {
  return [
    { path: '', name: mainName, depth: 0, total: fileCount },
    ...folders.map((f) => ({ path: f.path, name: folderName(f.path), depth: f.path.split('/').length, total: f.total })),
  ];
}

/** "Contrats / 2026" for a path, the main folder's name for ''. */
export function folderLabel(path: string, mainName: string): string {
  return path === '' ? mainName : path.split('/').join(' / ');
}

export function childPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}
