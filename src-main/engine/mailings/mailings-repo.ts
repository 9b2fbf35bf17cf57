import type Database from 'better-sqlite3';
import type { Mailing, MailingRecipient, RecordType } from '../../../src-shared/contract/index.js';
import { notFound } from '../errors.js';
import { cached } from '../store/statements.js';
import type { PlannedRecipient, RecipientKind } from './recipients.js';

export type MailingState = Mailing['state'];

export interface MailingRow {
  id: number;
  template_id: number;
  account_id: number;
  agent_id: number | null;
  subject: string;
  state: MailingState;
  per_minute: number;
  next_at: number | null;
  created_at: number;
}

export interface RecipientRow {
  mailing_id: number;
  position: number;
  record_type: RecipientKind | null;
  record_id: number | null;
  name: string;
  address: string | null;
  state: MailingRecipient['state'];
  reason: MailingRecipient['reason'];
  message_id: number | null;
}

export type MailingCounts = Pick<Mailing, 'total' | 'queued' | 'sent' | 'skipped' | 'failed'> & { waiting: number };

const NO_COUNTS: MailingCounts = { total: 0, waiting: 0, queued: 0, sent: 0, skipped: 0, failed: 0 };

const COUNTS_SQL = `SELECT mailing_id, count(*) AS total, sum(state = 'waiting') AS waiting, sum(state = 'queued') AS queued,
  sum(state = 'sent') AS sent, sum(state = 'skipped') AS skipped, sum(state = 'failed') AS failed
  FROM mailing_recipients WHERE mailing_id IN (SELECT value FROM json_each(?)) GROUP BY mailing_id`;

const MAILING_SQL = `SELECT m.*, t.name AS template_name FROM mailings m JOIN templates t ON t.id = m.template_id`;

/** The mailings and their recipients (migration 0013). Positions keep the order the recipients were chosen in. */
export class MailingsRepo {
  constructor(private readonly sqlite: Database.Database) {}

  insert(values: { templateId: number; accountId: number; agentId: number; subject: string; perMinute: number }, recipients: PlannedRecipient[]): number {
    return this.sqlite.transaction(() => {
      const { id } = cached(
        this.sqlite,
        'INSERT INTO mailings (template_id, account_id, agent_id, subject, per_minute) VALUES (@templateId, @accountId, @agentId, @subject, @perMinute) RETURNING id',
      ).get(values) as { id: number };
      // One statement for the whole list (up to 20,000 rows): positions are the array's indexes.
      this.sqlite
        .prepare(
          `INSERT INTO mailing_recipients (mailing_id, position, record_type, record_id, name, address, state, reason)
           SELECT ?, key, json_extract(value, '$.recordType'), json_extract(value, '$.recordId'), json_extract(value, '$.name'),
             json_extract(value, '$.address'), json_extract(value, '$.state'), json_extract(value, '$.reason')
           FROM json_each(?)`,
        )
        .run(id, JSON.stringify(recipients));
      return id;
    })();
  }

  row(id: number): MailingRow {
    const row = cached(this.sqlite, 'SELECT * FROM mailings WHERE id = ?').get(id) as MailingRow | undefined;
    if (!row) throw notFound(`Mailing ${id}`);
    return row;
  }

  get(id: number): Mailing {
    const row = cached(this.sqlite, `${MAILING_SQL} WHERE m.id = ?`).get(id) as (MailingRow & { template_name: string }) | undefined;
    if (!row) throw notFound(`Mailing ${id}`);
    return toMailing(row, this.counts([id]).get(id) ?? NO_COUNTS);
  }

  /** The mailings sent from these accounts, newest first. */
  list(accountIds: number[]): Mailing[] {
    const rows = this.sqlite
      .prepare(`${MAILING_SQL} WHERE m.account_id IN (SELECT value FROM json_each(?)) ORDER BY m.created_at DESC, m.id DESC`)
      .all(JSON.stringify(accountIds)) as Array<MailingRow & { template_name: string }>;
    const counts = this.counts(rows.map((r) => r.id));
    return rows.map((r) => toMailing(r, counts.get(r.id) ?? NO_COUNTS));
  }

  counts(ids: number[]): Map<number, MailingCounts> {
    const rows = cached(this.sqlite, COUNTS_SQL).all(JSON.stringify(ids)) as Array<MailingCounts & { mailing_id: number }>;
    return new Map(rows.map(({ mailing_id, ...c }) => [mailing_id, c]));
  }

  recipients(id: number, limit: number, offset: number): MailingRecipient[] {
    const rows = cached(this.sqlite, 'SELECT * FROM mailing_recipients WHERE mailing_id = ? ORDER BY position LIMIT ? OFFSET ?').all(id, limit, offset) as RecipientRow[];
    return rows.map(toRecipient);
  }

  setState(id: number, state: MailingState): void {
    cached(this.sqlite, 'UPDATE mailings SET state = ? WHERE id = ?').run(state, id);
  }

  /** Mailings not finished (running or paused), oldest first. */
  unfinished(): MailingRow[] {
    return cached(this.sqlite, "SELECT * FROM mailings WHERE state IN ('running', 'paused') ORDER BY created_at, id").all() as MailingRow[];
  }

  /** Running mailings with someone still to write to, oldest first: the order each account serves them in. */
  runnable(): MailingRow[] {
    return cached(
      this.sqlite,
      `SELECT m.* FROM mailings m WHERE m.state = 'running'
       AND EXISTS (SELECT 1 FROM mailing_recipients r WHERE r.mailing_id = m.id AND r.state = 'waiting') ORDER BY m.created_at, m.id`,
    ).all() as MailingRow[];
  }

  /** When the account may hand its next copy to the outbox: the throttle is the account's, across its mailings. */
  accountGate(accountId: number): number {
    const row = cached(this.sqlite, 'SELECT max(next_at) AS at FROM mailings WHERE account_id = ?').get(accountId) as { at: number | null };
    return row.at ?? 0;
  }

  /**
   * Takes the next recipient for a copy, and spends the account's slot, in one transaction: 'queued' without a
   * message yet marks a copy being built (see reclaimInterrupted).
   */
  claimNext(mailing: MailingRow, now: number): RecipientRow | null {
    return this.sqlite.transaction(() => {
      const next = cached(this.sqlite, "SELECT * FROM mailing_recipients WHERE mailing_id = ? AND state = 'waiting' ORDER BY position LIMIT 1").get(mailing.id) as RecipientRow | undefined;
      if (!next) return null;
      cached(this.sqlite, "UPDATE mailing_recipients SET state = 'queued' WHERE mailing_id = ? AND position = ?").run(mailing.id, next.position);
      cached(this.sqlite, 'UPDATE mailings SET next_at = ? WHERE id = ?').run(now + Math.ceil(60_000 / mailing.per_minute), mailing.id);
      return { ...next, state: 'queued' as const };
    })();
  }

  /** The copy is in the outbox; its state follows the outbox row's from now on (outbox-follow.ts). */
  attach(mailingId: number, position: number, messageId: number): void {
    cached(
      this.sqlite,
      `UPDATE mailing_recipients SET message_id = @messageId,
         state = coalesce((SELECT CASE state WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed' ELSE 'queued' END FROM outbox WHERE message_id = @messageId), 'queued'),
         reason = CASE (SELECT state FROM outbox WHERE message_id = @messageId) WHEN 'failed' THEN 'send-failed' ELSE NULL END
       WHERE mailing_id = @mailingId AND position = @position`,
    ).run({ mailingId, position, messageId });
  }

  /** The copy could not be built (its record or a file gone): this recipient fails, the mailing carries on. */
  fail(mailingId: number, position: number): void {
    cached(this.sqlite, "UPDATE mailing_recipients SET state = 'failed', reason = 'send-failed' WHERE mailing_id = ? AND position = ?").run(mailingId, position);
  }

  /**
   * After a crash, copies that were being built: one that reached the outbox (an outbox message to exactly this
   * address, newer than the mailing and no recipient's) is attached; the others were never stored and wait again.
   * Never a second copy to someone who already has one in the outbox.
   */
  reclaimInterrupted(): number {
    return this.sqlite.transaction(() => {
      const claims = cached(
        this.sqlite,
        `SELECT r.*, m.account_id, m.created_at FROM mailing_recipients r JOIN mailings m ON m.id = r.mailing_id
         WHERE r.state = 'queued' AND r.message_id IS NULL AND m.state IN ('running', 'paused', 'cancelled')`,
      ).all() as Array<RecipientRow & { account_id: number; created_at: number }>;
      const find = cached(
        this.sqlite,
        `SELECT o.message_id AS id FROM outbox o JOIN messages msg ON msg.id = o.message_id
         WHERE o.account_id = ? AND o.envelope_to = json_array(?) AND msg.created_at >= ?
           AND NOT EXISTS (SELECT 1 FROM mailing_recipients x WHERE x.message_id = o.message_id)
         ORDER BY o.message_id DESC LIMIT 1`,
      );
      for (const claim of claims) {
        const found = find.get(claim.account_id, claim.address, claim.created_at) as { id: number } | undefined;
        if (found) this.attach(claim.mailing_id, claim.position, found.id);
        else cached(this.sqlite, "UPDATE mailing_recipients SET state = 'waiting' WHERE mailing_id = ? AND position = ?").run(claim.mailing_id, claim.position);
      }
      return claims.length;
    })();
  }

  /** Mailings some of these outbox messages belong to. */
  mailingsOfMessages(messageIds: number[]): number[] {
    const rows = cached(this.sqlite, 'SELECT DISTINCT mailing_id FROM mailing_recipients WHERE message_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(messageIds)) as Array<{ mailing_id: number }>;
    return rows.map((r) => r.mailing_id);
  }

  /** The template's files stay on disk while the mailing may still attach them, whatever becomes of the template. */
  holdFiles(mailingId: number, sha256s: string[]): void {
    const insert = cached(this.sqlite, "INSERT OR IGNORE INTO blob_holds (sha256, holder, holder_id) VALUES (?, 'mailing', ?)");
    for (const sha of sha256s) insert.run(sha, mailingId);
  }

  releaseFiles(mailingId: number): void {
    cached(this.sqlite, "DELETE FROM blob_holds WHERE holder = 'mailing' AND holder_id = ?").run(mailingId);
  }
}

function toMailing(r: MailingRow & { template_name: string }, c: MailingCounts): Mailing {
  return {
    id: r.id,
    templateId: r.template_id,
    templateName: r.template_name,
    accountId: r.account_id,
    subject: r.subject,
    state: r.state,
    total: c.total,
    queued: c.queued,
    sent: c.sent,
    skipped: c.skipped,
    failed: c.failed,
    perMinute: r.per_minute,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

const CRM_KINDS = new Set<string>(['contact', 'company', 'lead']);

function toRecipient(r: RecipientRow): MailingRecipient {
  const record = r.record_type !== null && r.record_id !== null && CRM_KINDS.has(r.record_type) ? { type: r.record_type as RecordType, id: r.record_id, name: r.name } : null;
  return { record, name: r.name, address: r.address, state: r.state, reason: r.reason, messageId: r.message_id };
}
