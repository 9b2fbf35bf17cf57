import Database from 'better-sqlite3';
import { statSync } from 'node:fs';

/**
 * Copies the live database with SQLite's online backup API (consistent even while other reads go on), then
 * proves the copy opens and passes quick_check before anyone relies on it.
 */
export async function backupTo(sqlite: Database.Database, target: string, nativeBinding?: string): Promise<number> {
  await sqlite.backup(target);
  const copy = new Database(target, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`The backup at ${target} failed its check (${String(check)}); keep the original.`);
  } finally {
    copy.close();
  }
  return statSync(target).size;
}
