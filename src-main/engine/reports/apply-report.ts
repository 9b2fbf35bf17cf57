import type Database from 'better-sqlite3';
import { cached } from '../store/statements.js';
import type { BounceKind, RecipientOutcome, Report } from './report-types.js';

/** What a report changed, for the change events. */
export interface ReportEffect {
  messages: number[];
  contacts: number[];
}

const NOTHING: ReportEffect = { messages: [], contacts: [] };

/** Every query a report makes (tests/integration/receipts.test.ts checks the plans: index lookups only). */
export const REPORT_SQL = {
  // Drafts may share a Message-ID with what was sent, and are not what was delivered or read.
  originals: `SELECT id FROM messages WHERE message_id = ? AND direction = 'out' AND draft = 0`,
  recipients: `SELECT DISTINCT a.address FROM message_addresses ma JOIN addresses a ON a.id = ma.address_id
    WHERE ma.message_id IN (SELECT value FROM json_each(?)) AND ma.role IN ('to', 'cc', 'bcc')`,
  // The first receipt's time stands: others (more recipients, a second client) came later or say the same.
  read: `UPDATE messages SET read_by_recipient_at = ? WHERE id IN (SELECT value FROM json_each(?))
    AND (read_by_recipient_at IS NULL OR read_by_recipient_at > ?)`,
  // Never downgrade: a later delay notice for one recipient does not undo another's permanent failure.
  bounceMessages: `UPDATE messages SET bounce = ? WHERE id IN (SELECT value FROM json_each(?)) AND bounce IS NOT 'hard' AND bounce IS NOT ?`,
  bounceAddress: `INSERT INTO address_states (address, bounce, bounced_at) VALUES (?, ?, ?)
    ON CONFLICT (address) DO UPDATE SET
      bounced_at = CASE WHEN address_states.bounce = 'hard' AND excluded.bounce = 'soft' THEN address_states.bounced_at ELSE excluded.bounced_at END,
      bounce = CASE WHEN address_states.bounce = 'hard' THEN 'hard' ELSE excluded.bounce END`,
  contacts: `SELECT id FROM contacts WHERE email IN (SELECT value FROM json_each(?)) OR email2 IN (SELECT value FROM json_each(?))`,
} as const;

/**
 * Applies a report to the messages we sent that it is about, dated `at` (the report's own date). Only messages
 * we sent (direction 'out') are ever touched: a report about someone else's message, or ours never stored,
 * changes nothing. A receipt marks the original read only when its disposition is "displayed"; "deleted",
 * "dispatched", "processed" and the rest say the person did not (or not yet) read it, and the receipt itself, under
 * its original in the conversation, tells them. Of a delivery report, a standard one marks the original bounced
 * for any failed recipient (the recipient may be an alias we wrote differently), but an address's state changes
 * only for addresses the original was sent to; a text bounce counts only for those addresses at all.
 */
export function applyReport(sqlite: Database.Database, report: Report, at: Date): ReportEffect {
  const originals = findOriginals(sqlite, report.originals);
  if (originals.length === 0) return NOTHING;
  const ids = JSON.stringify(originals);
  if (report.kind === 'receipt') {
    if (report.disposition !== 'displayed') return NOTHING;
    const changed = cached(sqlite, REPORT_SQL.read).run(at.getTime(), ids, at.getTime()).changes;
    return changed > 0 ? { messages: originals, contacts: [] } : NOTHING;
  }

  const sentTo = new Set((cached(sqlite, REPORT_SQL.recipients).all(ids) as Array<{ address: string }>).map((r) => r.address));
  const ours = (r: RecipientOutcome) => (r.originalAddress && sentTo.has(r.originalAddress) ? r.originalAddress : sentTo.has(r.address) ? r.address : null);
  const failed = report.recipients.filter((r) => r.bounce !== null && (report.standard || ours(r) !== null));
  if (failed.length === 0) return NOTHING;
  const worst: BounceKind = failed.some((r) => r.bounce === 'hard') ? 'hard' : 'soft';
  const messagesChanged = cached(sqlite, REPORT_SQL.bounceMessages).run(worst, ids, worst).changes > 0;

  const addresses = new Map<string, BounceKind>();
  for (const r of failed) {
    const address = ours(r);
    if (address && addresses.get(address) !== 'hard') addresses.set(address, r.bounce!);
  }
  for (const [address, bounce] of addresses) cached(sqlite, REPORT_SQL.bounceAddress).run(address, bounce, at.getTime());
  const list = JSON.stringify([...addresses.keys()]);
  const contacts = addresses.size > 0 ? (cached(sqlite, REPORT_SQL.contacts).all(list, list) as Array<{ id: number }>).map((r) => r.id) : [];
  return { messages: messagesChanged || addresses.size > 0 ? originals : [], contacts };
}

/** The stored copies of the first Message-ID the report may be about that names something we sent. */
function findOriginals(sqlite: Database.Database, candidates: string[]): number[] {
  for (const messageId of candidates) {
    const rows = cached(sqlite, REPORT_SQL.originals).all(messageId) as Array<{ id: number }>;
    if (rows.length > 0) return rows.map((r) => r.id);
  }
  return [];
}
