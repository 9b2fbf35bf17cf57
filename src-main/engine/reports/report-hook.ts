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
    const effect = deps.sqlite.transaction(() => (row.direction === 'in' ? incoming(deps, prepared) : laterOriginal(deps, row.messageId)))();
    if (effect.messages.length > 0) deps.events?.changed('messages', effect.messages);
    if (effect.contacts.length > 0) deps.events?.changed('contacts', effect.contacts);
  } catch (error) {
    console.error(`Facteur: message ${id} looked like a read receipt or delivery report, but could not be applied:`, error);
  }
}

function incoming(deps: IngestDeps, prepared: PreparedMessage): ReportEffect {
  const row = prepared.row;
  const textBounce = looksLikeBounce(row.addresses.from[0]?.address, row.subject);
  if (prepared.conversation.report === null && !textBounce) return { messages: [], contacts: [] };
  const raw = reconstructSource(row.source.format, row.source.inline ?? deps.blobs.read(row.source.blob!), (sha) => deps.blobs.read(sha));
  const report = readReport(raw, { textBounces: textBounce });
  return report ? applyReport(deps.sqlite, report, row.date ?? row.receivedAt) : { messages: [], contacts: [] };
}

const REPORTS_NAMING = `SELECT m.id, m.date, m.received_at, m.source, m.source_blob, m.source_format FROM message_conversation c
  JOIN messages m ON m.id = c.message_id WHERE c.report_original = ? AND m.direction = 'in'`;

type ReportRow = { id: number; date: number | null; received_at: number; source: Buffer | null; source_blob: string | null; source_format: 'raw' | 'skeleton1' };

function laterOriginal(deps: IngestDeps, messageId: string | null): ReportEffect {
  const effect: { messages: Set<number>; contacts: Set<number> } = { messages: new Set(), contacts: new Set() };
  if (messageId === null) return { messages: [], contacts: [] };
  for (const r of cached(deps.sqlite, REPORTS_NAMING).all(messageId) as ReportRow[]) {
    const raw = reconstructSource(r.source_format, r.source ?? deps.blobs.read(r.source_blob!), (sha) => deps.blobs.read(sha));
    const report = readReport(raw, { textBounces: false });
    if (!report) continue;
    const one = applyReport(deps.sqlite, report, new Date(r.date ?? r.received_at));
    for (const m of one.messages) effect.messages.add(m);
    for (const c of one.contacts) effect.contacts.add(c);
  }
  return { messages: [...effect.messages], contacts: [...effect.contacts] };
}
