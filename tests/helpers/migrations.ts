import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.js';

export const MIGRATIONS = join(import.meta.dirname, '..', '..', 'migrations');

interface Journal {
  entries: Array<{ idx: number; version: string; when: number; tag: string; breakpoints: boolean }>;
}

/** A copy of the migrations folder holding only the first `count` migrations, plus any extra SQL given. */
export function migrationsFolder(count: number, extra: Array<{ tag: string; sql: string }> = []): string {
  const dir = tempDir('facteur-migrations-');
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  journal.entries = journal.entries.slice(0, count);
  for (const e of extra) {
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: e.tag });
    writeFileSync(join(dir, `${e.tag}.sql`), e.sql);
  }
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

export function migrationCount(): number {
  return (JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as Journal).entries.length;
}
