import type Database from 'better-sqlite3';
import { EngineError } from '../errors.js';
import type { FoldersRepo } from '../store/folders-repo.js';
import { cached } from '../store/statements.js';

/**
 * Templates live in a Templates tree: a folder of kind 'templates' (Local Folders' or an account's) and the
 * folders made under it. The tree is walked upwards, since subfolders are ordinary user folders.
 */
export function inTemplatesTree(sqlite: Database.Database, folderId: number): boolean {
  const row = cached(
    sqlite,
    `WITH RECURSIVE up(id, parent_id, kind) AS (
       SELECT id, parent_id, kind FROM folders WHERE id = ?
       UNION ALL SELECT f.id, f.parent_id, f.kind FROM folders f JOIN up ON f.id = up.parent_id)
     SELECT 1 FROM up WHERE kind = 'templates' LIMIT 1`,
  ).get(folderId);
  return row !== undefined;
}

/** The folder a template is put in: the one asked for, checked, or Local Folders' Templates. */
export function templateFolder(sqlite: Database.Database, folders: FoldersRepo, folderId: number | undefined): number {
  if (folderId === undefined) return folders.localByKind('templates').id;
  const folder = folders.get(folderId);
  if (!inTemplatesTree(sqlite, folder.id)) {
    throw new EngineError('INVALID_INPUT', `"${folder.name}" is not a Templates folder: templates go in a Templates folder or one of its subfolders.`);
  }
  return folder.id;
}
