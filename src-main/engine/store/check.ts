import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { StoreCheckReport } from '../../../src-shared/contract/index.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { referencedBlobs } from '../blobs/sweeper.js';

/** What `facteur db check` and the diagnostics page report: SQLite's own checks plus every blob a row names. */
export function checkStore(sqlite: Database.Database, blobs: BlobStore): StoreCheckReport {
  const integrity: string[] = [];
  for (const row of sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>) {
    if (row.integrity_check !== 'ok') integrity.push(row.integrity_check);
  }
  for (const row of sqlite.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>) {
    integrity.push(`${row.table} row ${row.rowid} points at a missing ${row.parent} row`);
  }
  for (const table of ['messages_fts', 'messages_trigram']) {
    try {
      sqlite.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 0)`).run();
    } catch (error) {
      integrity.push(`Full-text index ${table}: ${(error as Error).message}`);
    }
  }

  const refs = referencedBlobs(sqlite);
  const missingBlobs: StoreCheckReport['missingBlobs'] = [];
  for (const [sha256, usedBy] of refs) if (!existsSync(blobs.pathOf(sha256))) missingBlobs.push({ sha256, usedBy });
  let orphanBlobs = 0;
  for (const file of blobs.list()) if (!refs.has(file.sha256)) orphanBlobs++;

  const counts = sqlite.prepare('SELECT count(*) AS messages, coalesce(sum(malformed), 0) AS malformed FROM messages').get() as {
    messages: number;
    malformed: number;
  };
  return { ok: integrity.length === 0 && missingBlobs.length === 0, integrity, missingBlobs, orphanBlobs, ...counts };
}
