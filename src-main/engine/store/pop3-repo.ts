import { cached } from './statements.js';
import type Database from 'better-sqlite3';

export interface Pop3SeenRow {
  uidl: string;
  messageId: number | null;
  sha256: string;
  firstSeenAt: number;
  deletedOnServer: boolean;
  /** The stored message's folder kind and hash, to verify the local copy before any DELE. */
  folderKind: string | null;
  storedSha256: string | null;
}

export class Pop3Repo {
  constructor(private readonly sqlite: Database.Database) {}

  seen(accountId: number): Map<string, Pop3SeenRow> {
    const rows = cached(this.sqlite, 
        `SELECT p.uidl, p.message_id AS messageId, p.sha256, p.first_seen_at AS firstSeenAt, p.deleted_on_server AS deletedOnServer,
           f.kind AS folderKind, m.sha256 AS storedSha256
         FROM pop3_seen p LEFT JOIN messages m ON m.id = p.message_id LEFT JOIN folders f ON f.id = m.folder_id
         WHERE p.account_id = ?`,
      )
      .all(accountId) as Array<Omit<Pop3SeenRow, 'deletedOnServer'> & { deletedOnServer: number }>;
    return new Map(rows.map((r) => [r.uidl, { ...r, deletedOnServer: r.deletedOnServer === 1 }]));
  }

  record(accountId: number, uidl: string, messageId: number, sha256: string): void {
    cached(this.sqlite, 'INSERT OR IGNORE INTO pop3_seen (account_id, uidl, message_id, sha256, first_seen_at) VALUES (?, ?, ?, ?, ?)')
      .run(accountId, uidl, messageId, sha256, Date.now());
  }

  markDeleted(accountId: number, uidls: string[]): void {
    const stmt = cached(this.sqlite, 'UPDATE pop3_seen SET deleted_on_server = 1 WHERE account_id = ? AND uidl = ?');
    this.sqlite.transaction(() => uidls.forEach((u) => stmt.run(accountId, u)))();
  }

  /** UIDLs are never reused (RFC 1939 §7), so rows for messages the server no longer has can go. */
  prune(accountId: number, onServer: Set<string>): void {
    const stmt = cached(this.sqlite, 'DELETE FROM pop3_seen WHERE account_id = ? AND uidl = ?');
    for (const uidl of this.seen(accountId).keys()) if (!onServer.has(uidl)) stmt.run(accountId, uidl);
  }
}
