import type Database from 'better-sqlite3';
import type { BlobStore } from './blob-store.js';

/** Every blob a row names. Kept next to the sweeper so a new table that names blobs is added in one place. */
export function referencedBlobs(sqlite: Database.Database): Map<string, string> {
  const refs = new Map<string, string>();
  for (const row of sqlite.prepare('SELECT sha256, message_id FROM attachments').iterate() as Iterable<{ sha256: string; message_id: number }>) {
    refs.set(row.sha256, `attachment of message ${row.message_id}`);
  }
  for (const row of sqlite.prepare('SELECT source_blob, id FROM messages WHERE source_blob IS NOT NULL').iterate() as Iterable<{ source_blob: string; id: number }>) {
    refs.set(row.source_blob, `source of message ${row.id}`);
  }
  for (const row of sqlite.prepare('SELECT sha256, id FROM documents').iterate() as Iterable<{ sha256: string; id: number }>) refs.set(row.sha256, `document ${row.id}`);
  for (const row of sqlite.prepare('SELECT sha256, holder, holder_id FROM blob_holds').iterate() as Iterable<{ sha256: string; holder: string; holder_id: number }>) refs.set(row.sha256, `${row.holder} ${row.holder_id}`);
  return refs;
}

/**
 * Removes blob files no row names. The grace period protects files written by an ingest whose transaction has
 * not committed yet.
 */
export function sweepBlobs(sqlite: Database.Database, blobs: BlobStore, graceMs = 60 * 60 * 1000): { removed: number; kept: number } {
  const refs = referencedBlobs(sqlite);
  let removed = 0;
  let kept = 0;
  const now = Date.now();
  for (const file of blobs.list()) {
    if (refs.has(file.sha256) || now - file.mtimeMs < graceMs) {
      kept++;
    } else {
      blobs.remove(file.sha256);
      removed++;
    }
  }
  removed += blobs.clearTemp(graceMs);
  return { removed, kept };
}
