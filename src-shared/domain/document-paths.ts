import { safeFileName } from './attachment-files.js';

/**
 * A record's documents sit in a folder tree of its own. A folder is named by its path: names joined with '/', ''
 * for the top. Paths are checked where people type them (the dialogs) and again at the engine's door, with the
 * same words, and each name is made safe as an attachment's name is, so that a folder can be saved to disk as is.
 */

export const FOLDER_MAX_DEPTH = 10;
export const FOLDER_NAME_MAX = 100;

/** What is wrong with a typed folder path; the window says it in the person's language, the engine in English. */
export type FolderPathIssue = 'empty-name' | 'dot-name' | 'backslash' | 'name-too-long' | 'too-deep';

export const FOLDER_PATH_ISSUES: Record<FolderPathIssue, string> = {
  'empty-name': 'A folder path cannot have an empty name (two "/" in a row, or "/" at either end).',
  'dot-name': 'A folder cannot be named "." or "..".',
  backslash: 'A folder name cannot contain "\\": use "/" between folders.',
  'name-too-long': `A folder name can be at most ${FOLDER_NAME_MAX} characters long.`,
  'too-deep': `A folder can be at most ${FOLDER_MAX_DEPTH} levels deep.`,
};

/** Why a typed folder path cannot be used, or null when it can; '' (the main folder) is fine. */
export function folderPathIssue(path: string): FolderPathIssue | null {
  if (path === '') return null;
  const names = path.split('/');
  if (names.length > FOLDER_MAX_DEPTH) return 'too-deep';
  for (const raw of names) {
    const name = raw.trim();
    if (name === '') return 'empty-name';
    if (name === '.' || name === '..') return 'dot-name';
    if (name.includes('\\')) return 'backslash';
    if (name.length > FOLDER_NAME_MAX) return 'name-too-long';
  }
  return null;
}

/** The path with each name trimmed and made safe (only call it on a path without a problem). */
export function normalizeFolderPath(path: string): string {
  if (path === '') return '';
  return path
    .split('/')
    .map((name) => safeFileName(name.trim(), 'folder'))
    .join('/');
}

/** 'a/b/c' → ['a', 'a/b', 'a/b/c']: a folder exists with all its ancestors. */
export function folderAndAncestors(path: string): string[] {
  if (path === '') return [];
  const names = path.split('/');
  return names.map((_, i) => names.slice(0, i + 1).join('/'));
}

export function parentFolder(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function folderName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether `path` is `folder` or inside it. */
export function isWithin(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(`${folder}/`);
}
