import type Database from 'better-sqlite3';
import type { OutboxItem, OutboxLateness, OutboxState } from '../../../src-shared/contract/index.js';
import { notFound } from '../errors.js';
import { backoffMs } from './tasks-repo.js';

interface Row {
  message_id: number;
  account_id: number;
  subject: string;
  envelope_from: string;
  envelope_to: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  retry_after: number | null;
  send_after: number | null;
  sent_at: number | null;
  in_reply_to_message: number | null;
}

export interface OutboxEntry extends OutboxItem {
  envelopeFrom: string;
  inReplyToMessage: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Later than this after its time, a scheduled message was sent late (a send takes seconds, a sync pass may run first). */
const LATE_AFTER_MS = 60_000;

/**
 * Whether a scheduled message went out late, and why. The first attempt is the one that sent it (attempts = 1) only
 * when nothing tried at the time: the scheduler sends on time while Facteur runs, so it was not running.
 */
export function lateness(sendAfter: number | null, sentAt: number | null, attempts: number): OutboxLateness | null {
  if (sendAfter === null || sentAt === null || sentAt - sendAfter <= LATE_AFTER_MS) return null;
  return { minutes: Math.round((sentAt - sendAfter) / 60_000), reason: attempts <= 1 ? 'closed' : 'retried' };
}
const SELECT = `SELECT o.*, m.subject FROM outbox o JOIN messages m ON m.id = o.message_id`;

export class OutboxRepo {
  constructor(private readonly sqlite: Database.Database) {}

  add(values: { messageId: number; accountId: number; from: string; to: string[]; inReplyTo: number | null; sendAfter: number | null }): void {
    this.sqlite
      .prepare('INSERT INTO outbox (message_id, account_id, envelope_from, envelope_to, in_reply_to_message, send_after) VALUES (?, ?, ?, ?, ?, ?)')
      .run(values.messageId, values.accountId, values.from, JSON.stringify(values.to), values.inReplyTo, values.sendAfter);
  }

  list(accountId?: number): OutboxEntry[] {
    const rows = (accountId === undefined
      ? this.sqlite.prepare(`${SELECT} ORDER BY o.message_id`).all()
      : this.sqlite.prepare(`${SELECT} WHERE o.account_id = ? ORDER BY o.message_id`).all(accountId)) as Row[];
    return rows.map(toEntry);
  }

  get(messageId: number): OutboxEntry {
    const row = this.sqlite.prepare(`${SELECT} WHERE o.message_id = ?`).get(messageId) as Row | undefined;
    if (!row) throw notFound(`Outbox message ${messageId}`);
    return toEntry(row);
  }

  /** Ready to go: queued, its time come (scheduled sending and retry backoff both respected). */
  due(accountId: number, now = Date.now()): OutboxEntry[] {
    return (this.sqlite
      .prepare(`${SELECT} WHERE o.account_id = ? AND o.state = 'queued' AND coalesce(o.retry_after, 0) <= ? AND coalesce(o.send_after, 0) <= ? ORDER BY o.message_id`)
      .all(accountId, now, now) as Row[]).map(toEntry);
  }

  /**
   * Still waiting, and its time come (any time for "send now"): a send run checks again before each message, which
   * may have been cancelled or rescheduled meanwhile.
   */
  isDue(messageId: number, anyTime: boolean, now = Date.now()): boolean {
    const until = anyTime ? Number.MAX_SAFE_INTEGER : now;
    return this.sqlite
      .prepare("SELECT 1 FROM outbox WHERE message_id = ? AND state = 'queued' AND coalesce(retry_after, 0) <= ? AND coalesce(send_after, 0) <= ?")
      .get(messageId, until, until) !== undefined;
  }

  /** A waiting message's new time; false when it is not waiting any more. */
  reschedule(messageId: number, sendAfter: number): boolean {
    return this.sqlite.prepare("UPDATE outbox SET send_after = ?, retry_after = NULL WHERE message_id = ? AND state = 'queued'").run(sendAfter, messageId).changes > 0;
  }

  /** Committed before the first byte of DATA: if the process dies after this, the row says so on restart. */
  markSending(messageId: number): void {
    this.sqlite.prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE message_id = ?").run(messageId);
  }

  markSent(messageId: number): void {
    this.sqlite.prepare("UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL, retry_after = NULL WHERE message_id = ?").run(Date.now(), messageId);
  }

  markFailed(messageId: number, error: string): void {
    this.sqlite.prepare("UPDATE outbox SET state = 'failed', last_error = ? WHERE message_id = ?").run(error, messageId);
  }

  retryLater(messageId: number, error: string, attempts: number): void {
    this.sqlite.prepare("UPDATE outbox SET state = 'queued', last_error = ?, retry_after = ? WHERE message_id = ?").run(error, Date.now() + backoffMs(attempts), messageId);
  }

  markUnknown(messageId: number, why: string): void {
    this.sqlite.prepare("UPDATE outbox SET state = 'unknown', last_error = ? WHERE message_id = ?").run(why, messageId);
  }

  requeue(messageId: number): void {
    this.sqlite.prepare("UPDATE outbox SET state = 'queued', retry_after = NULL, last_error = NULL WHERE message_id = ?").run(messageId);
  }

  /** At start: a send that was under way when the process died may or may not have reached the server. */
  interruptedToUnknown(): number {
    return this.sqlite
      .prepare("UPDATE outbox SET state = 'unknown', last_error = 'Facteur stopped while this message was being sent; it may or may not have gone out.' WHERE state = 'sending'")
      .run().changes;
  }
}

function toEntry(r: Row): OutboxEntry {
  return {
    messageId: r.message_id,
    accountId: r.account_id,
    subject: r.subject,
    to: JSON.parse(r.envelope_to) as string[],
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    retryAfter: iso(r.retry_after),
    sendAfter: iso(r.send_after),
    sentAt: iso(r.sent_at),
    late: lateness(r.send_after, r.sent_at, r.attempts),
    envelopeFrom: r.envelope_from,
    inReplyToMessage: r.in_reply_to_message,
  };
}
