import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src-main/engine/errors.js';
import { openStore } from '../../src-main/engine/store/open.js';
import { migrationCount, migrationsFolder } from '../helpers/migrations.js';
import { tempDir } from '../helpers/temp.js';

const ADD_NICKNAME = { tag: '9000_agent_nickname', sql: 'ALTER TABLE `agents` ADD `nickname` text;' };

function paths() {
  const dir = tempDir();
  return { file: join(dir, 'facteur.sqlite'), backupsDir: join(dir, 'backups') };
}

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('upgrading the store', () => {
  it('applies a new migration to an existing store after backing it up, and keeps the data', async () => {
    const p = paths();
    const v1 = await openStore({ ...p, migrationsFolder: migrationsFolder(1) });
    expect(v1.schemaVersion).toBe(1);
    v1.sqlite.prepare("INSERT INTO agents (name, email) VALUES ('Céline', 'celine@facteur.test')").run();
    v1.close();

    const v2 = await openStore({ ...p, migrationsFolder: migrationsFolder(1, [ADD_NICKNAME]) });
    expect(v2.schemaVersion).toBe(2);
    expect(v2.sqlite.prepare('SELECT name, email, nickname FROM agents').all()).toEqual([
      { name: 'Céline', email: 'celine@facteur.test', nickname: null },
    ]);
    expect(v2.backup).not.toBeNull();
    v2.close();

    // The backup is the version-1 store, whole and readable.
    const backup = new Database(v2.backup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM agents').all()).toEqual([{ name: 'Céline' }]);
    backup.close();
  });

  it('runs every shipped migration on a store of the version before it', async () => {
    for (let version = 1; version < migrationCount(); version++) {
      const p = paths();
      const before = await openStore({ ...p, migrationsFolder: migrationsFolder(version) });
      before.sqlite.prepare("INSERT INTO agents (name) VALUES ('before')").run();
      before.close();
      const after = await openStore({ ...p, migrationsFolder: migrationsFolder(version + 1) });
      expect(after.schemaVersion).toBe(version + 1);
      expect(after.sqlite.prepare('SELECT name FROM agents').all()).toEqual([{ name: 'before' }]);
      expect(after.sqlite.pragma('foreign_key_check')).toEqual([]);
      after.close();
    }
  });

  it('does not open a store made by a newer Facteur, and leaves its file untouched', async () => {
    const p = paths();
    const newer = await openStore({ ...p, migrationsFolder: migrationsFolder(migrationCount(), [ADD_NICKNAME]) });
    newer.close();
    const before = hash(p.file);

    const attempt = openStore({ ...p, migrationsFolder: migrationsFolder(migrationCount()) });
    await expect(attempt).rejects.toBeInstanceOf(EngineError);
    await expect(attempt).rejects.toMatchObject({ code: 'STORE_TOO_NEW', message: expect.stringMatching(/newer version of Facteur/) });
    expect(hash(p.file)).toBe(before);
    expect(existsSync(p.backupsDir) ? readdirSync(p.backupsDir) : []).toEqual([]);
  });

  it('leaves the previous version intact when a migration fails halfway', async () => {
    const p = paths();
    const v1 = await openStore({ ...p, migrationsFolder: migrationsFolder(migrationCount()) });
    v1.sqlite.prepare("INSERT INTO agents (name) VALUES ('kept')").run();
    v1.close();
    const broken = { tag: '9001_broken', sql: 'ALTER TABLE `agents` ADD `x` text;\n--> statement-breakpoint\nTHIS IS NOT SQL;' };
    await expect(openStore({ ...p, migrationsFolder: migrationsFolder(migrationCount(), [broken]) })).rejects.toThrow();
    const again = await openStore({ ...p, migrationsFolder: migrationsFolder(migrationCount()) });
    expect(again.schemaVersion).toBe(migrationCount());
    expect(again.sqlite.prepare('SELECT * FROM agents').all()).toEqual([expect.objectContaining({ name: 'kept' })]);
    expect(again.sqlite.prepare("SELECT name FROM pragma_table_info('agents') WHERE name = 'x'").all()).toEqual([]);
    again.close();
  });

  it('opens with WAL, full sync and foreign keys on', async () => {
    const store = await openStore({ ...paths(), migrationsFolder: migrationsFolder(migrationCount()) });
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    store.close();
  });
});
