import type Database from 'better-sqlite3';
import { Draft, type SavedDraft } from '../../../src-shared/contract/compose.js';
import { cached } from '../store/statements.js';

export interface DraftRow {
  id: number;
  agent_id: number;
  draft: string;
  /** The copy last stored in a Drafts folder (null until the first one, or when it was removed elsewhere). */
  message_id: number | null;
  saved_at: number;
  created_at: number;
}

export function toSaved(row: DraftRow): SavedDraft {
  return { id: row.id, draft: Draft.parse(JSON.parse(row.draft)), savedAt: new Date(row.saved_at).toISOString(), agentId: row.agent_id };
}

/** The `drafts` table and the blob holds that keep a draft's files from the sweeper. */
export class DraftsRepo {
  constructor(private readonly sqlite: Database.Database) {}

  insert(agentId: number, json: string, savedAt: number): number {
    const row = cached(this.sqlite, 'INSERT INTO drafts (agent_id, draft, saved_at) VALUES (?, ?, ?) RETURNING id').get(agentId, json, savedAt) as { id: number };
    return row.id;
  }

  update(id: number, json: string, savedAt: number): void {
    cached(this.sqlite, 'UPDATE drafts SET draft = ?, saved_at = ? WHERE id = ?').run(json, savedAt, id);
  }

  find(id: number): DraftRow | undefined {
    return cached(this.sqlite, 'SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
  }

  /** Newest first, on the (agent_id, saved_at) index. */
  listOf(agentId: number): DraftRow[] {
    return cached(this.sqlite, 'SELECT * FROM drafts WHERE agent_id = ? ORDER BY saved_at DESC, id DESC').all(agentId) as DraftRow[];
  }

  setCopy(id: number, messageId: number | null): void {
    cached(this.sqlite, 'UPDATE drafts SET message_id = ? WHERE id = ?').run(messageId, id);
  }

  remove(id: number): boolean {
    this.hold(id, []);
    return cached(this.sqlite, 'DELETE FROM drafts WHERE id = ?').run(id).changes > 0;
  }

  /** The draft's files, by hash, as the sweeper must keep them: exactly these, no others. */
  hold(id: number, sha256s: Iterable<string>): void {
    cached(this.sqlite, "DELETE FROM blob_holds WHERE holder = 'draft' AND holder_id = ?").run(id);
    const insert = cached(this.sqlite, "INSERT OR IGNORE INTO blob_holds (sha256, holder, holder_id) VALUES (?, 'draft', ?)");
    for (const sha of sha256s) insert.run(sha, id);
  }

  held(id: number): string[] {
    return (cached(this.sqlite, "SELECT sha256 FROM blob_holds WHERE holder = 'draft' AND holder_id = ? ORDER BY sha256").all(id) as Array<{ sha256: string }>).map((r) => r.sha256);
  }

  /**
   * Drafts whose Drafts-folder copy is missing or older than their last save: copies are written a while after
   * saving (coalesced), so a quit in between leaves these for the next start.
   */
  staleCopies(): number[] {
    return (cached(
      this.sqlite,
      `SELECT d.id FROM drafts d LEFT JOIN messages m ON m.id = d.message_id
       WHERE m.id IS NULL OR m.received_at < d.saved_at ORDER BY d.id`,
    ).all() as Array<{ id: number }>).map((r) => r.id);
  }
}
