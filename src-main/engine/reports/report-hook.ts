import type { IngestDeps, PreparedMessage } from '../mail/ingest.js';
import { reconstructSource } from '../mail/source.js';
import { cached } from '../store/statements.js';
import { applyReport, type ReportEffect } from './apply-report.js';
import { readReport } from './read-report.js';
import { looksLikeBounce } from './read-text-bounce.js';

/**
 * Ingest's hook, inside the transaction that stores message `id`, for sync, import and local ingest alike. An
 * incoming read receipt or delivery report marks the message we sent that it is about. A message we sent, stored
 * after its reports (Inbox synced before Sent, a Sent folder imported later), picks up the receipts and reports
 * already here that name it. Ordinary mail costs a look at what analysis already found (no report, not a bounce
 * sender or subject), or one index lookup for a message we sent. A report that cannot be read never stops ingest.
 */
export function noteReports(deps: IngestDeps, id: number, prepared: PreparedMessage): void {
  const row = prepared.row;
  try {
    const work = row.direction === 'in' ? incoming(deps, prepared) : laterOriginal(deps, row.messageId);
    if (!work) return;
    // A savepoint: a report that fails half-way leaves nothing behind, and the message is stored all the same.
    const effect = deps.sqlite.transaction(work)();
    if (effect.messages.length > 0) deps.events?.changed('messages', effect.messages);
    if (effect.contacts.length > 0) deps.events?.changed('contacts', effect.contacts);
  } catch (error) {
    console.error(`Facteur: message ${id} looked like a read receipt or delivery report, but could not be applied:`, error);
  }
}

type Work = () => ReportEffect;

/** The work for an incoming message, or null for ordinary mail (no report found by analysis, no bounce sender). */
function incoming(deps: IngestDeps, prepared: PreparedMessage): Work | null {
  const row = prepared.row;
  const textBounce = looksLikeBounce(row.addresses.from[0]?.address, row.subject);
  if (prepared.conversation.report === null && !textBounce) return null;
  return () => {
    const raw = reconstructSource(row.source.format, row.source.inline ?? deps.blobs.read(row.source.blob!), (sha) => deps.blobs.read(sha));
    const report = readReport(raw, { textBounces: textBounce });
    return report ? applyReport(deps.sqlite, report, row.date ?? row.receivedAt) : { messages: [], contacts: [] };
  };
}

/** Reports already stored that name a message we sent: one lookup in a partial index, per message we send. */
export const REPORTS_NAMING = `SELECT m.id, m.date, m.received_at, m.source, m.source_blob, m.source_format FROM message_conversation c
  JOIN messages m ON m.id = c.message_id WHERE c.report_original = ? AND m.direction = 'in'`;

type ReportRow = { id: number; date: number | null; received_at: number; source: Buffer | null; source_blob: string | null; source_format: 'raw' | 'skeleton1' };

/** The work for a message we sent, or null when no report already stored names it (one index lookup). */
function laterOriginal(deps: IngestDeps, messageId: string | null): Work | null {
  if (messageId === null) return null;
  const reports = cached(deps.sqlite, REPORTS_NAMING).all(messageId) as ReportRow[];
  if (reports.length === 0) return null;
  return () => {
    const messages = new Set<number>();
    const contacts = new Set<number>();
    for (const r of reports) {
      const raw = reconstructSource(r.source_format, r.source ?? deps.blobs.read(r.source_blob!), (sha) => deps.blobs.read(sha));
      const report = readReport(raw, { textBounces: false });
      if (!report) continue;
      const one = applyReport(deps.sqlite, report, new Date(r.date ?? r.received_at));
      for (const m of one.messages) messages.add(m);
      for (const c of one.contacts) contacts.add(c);
    }
    return { messages: [...messages], contacts: [...contacts] };
  };
}
