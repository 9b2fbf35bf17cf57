import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export interface Migration {
  sql: string[];
  hash: string;
  folderMillis: number;
}

export function loadMigrations(migrationsFolder: string): Migration[] {
  return readMigrationFiles({ migrationsFolder });
}

export function schemaVersionOf(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in one transaction, so a crash leaves the previous version intact.
 * `user_version` is the number of migrations applied; drizzle's own journal table is kept too, for drizzle-kit.
 * Foreign keys are off during the transaction because table rebuilds (SQLite's 12-step ALTER) need it, and
 * checked before commit (https://www.sqlite.org/lang_altertable.html#otheralter).
 */
export function applyMigrations(sqlite: Database.Database, migrations: Migration[]): number {
  const from = schemaVersionOf(sqlite);
  const pending = migrations.slice(from);
  if (pending.length === 0) return 0;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      sqlite.exec(
        'CREATE TABLE IF NOT EXISTS __drizzle_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)',
      );
      const record = sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)');
      for (const m of pending) {
        for (const statement of m.sql) if (statement.trim()) sqlite.exec(statement);
        record.run(m.hash, m.folderMillis);
      }
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`Migration left ${broken.length} rows with broken references; nothing was changed.`);
      sqlite.pragma(`user_version = ${from + pending.length}`);
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return pending.length;
}
