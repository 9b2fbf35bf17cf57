import type Database from 'better-sqlite3';
import type { Signature } from '../../../src-shared/contract/compose.js';
import { cached } from '../store/statements.js';

/** Each account's signature; an account without a row has an empty one, placed above the quote. */
export class SignaturesRepo {
  constructor(private readonly sqlite: Database.Database) {}

  get(accountId: number): Signature {
    const row = cached(this.sqlite, 'SELECT html, position FROM signatures WHERE account_id = ?').get(accountId) as Pick<Signature, 'html' | 'position'> | undefined;
    return { accountId, html: row?.html ?? '', position: row?.position ?? 'above-quote' };
  }

  set(signature: Signature): Signature {
    cached(
      this.sqlite,
      `INSERT INTO signatures (account_id, html, position, updated_at) VALUES (@accountId, @html, @position, @now)
       ON CONFLICT (account_id) DO UPDATE SET html = excluded.html, position = excluded.position, updated_at = excluded.updated_at`,
    ).run({ ...signature, now: Date.now() });
    return this.get(signature.accountId);
  }
}
