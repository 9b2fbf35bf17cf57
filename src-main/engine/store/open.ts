import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EngineError } from '../errors.js';
import { backupTo } from './backup.js';
import { applyMigrations, loadMigrations, schemaVersionOf, type Migration } from './migrate.js';
import * as schema from './schema.js';
import { registerTextFunctions } from './text-functions.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Store {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly schemaVersion: number;
  /** Where the pre-migration backup went, when this open migrated an existing store. */
  readonly backup: string | null;
  close(): void;
}

export interface OpenStoreOptions {
  file: string;
  migrationsFolder: string;
  backupsDir: string;
  /** Path to a better-sqlite3 binary built for another ABI (Electron); defaults to the one next to the package. */
  nativeBinding?: string | undefined;
}

/**
 * Opens (creating if needed) and migrates the store. A database written by a newer Facteur is refused before it is
 * opened for writing, so its file stays byte-for-byte as it was.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const migrations = loadMigrations(options.migrationsFolder);
  const existed = existsSync(options.file);
  if (existed) refuseNewer(options, migrations);

  const sqlite = new Database(options.file, { timeout: 5000, nativeBinding: options.nativeBinding });
  try {
    sqlite.pragma('journal_mode = WAL');
    // FULL: in WAL mode NORMAL can lose the last commits on power loss, and POP3 or imported mail has no other copy.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    registerTextFunctions(sqlite);

    let backup: string | null = null;
    const from = schemaVersionOf(sqlite);
    if (existed && from > 0 && from < migrations.length) {
      mkdirSync(options.backupsDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      backup = join(options.backupsDir, `${basename(options.file, '.sqlite')}-v${from}-${stamp}.sqlite`);
      await backupTo(sqlite, backup, options.nativeBinding);
    }
    applyMigrations(sqlite, migrations);
    // Fresh statistics for the query planner (sqlite.org/lang_analyze.html#periodic_analysis): without them it
    // reads whole rows instead of the narrow search index. Bounded, so opening a big store stays quick.
    sqlite.pragma('analysis_limit = 400');
    sqlite.pragma('optimize = 0x10002');
    return {
      file: options.file,
      sqlite,
      db: drizzle(sqlite, { schema }),
      schemaVersion: schemaVersionOf(sqlite),
      backup,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function refuseNewer(options: OpenStoreOptions, migrations: Migration[]): void {
  const probe = new Database(options.file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    const version = schemaVersionOf(probe);
    if (version > migrations.length) {
      throw new EngineError(
        'STORE_TOO_NEW',
        `The mail store ${options.file} was written by a newer version of Facteur (store version ${version}, this ` +
          `version knows ${migrations.length}). Install the newer Facteur again or open another data folder; ` +
          'the store was not changed.',
      );
    }
  } finally {
    probe.close();
  }
}
