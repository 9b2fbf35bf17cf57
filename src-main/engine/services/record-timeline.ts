import type { Address, MessageLink, RecordRef, RecordType, RemovedMessage, TimelineItem } from '../../../src-shared/contract/index.js';
import type { ActivitiesRepo } from '../crm/activities-repo.js';
import type { NotesRepo } from '../crm/notes-repo.js';
import type { PipelineRepo } from '../crm/pipeline-repo.js';
import { recordNameSql } from '../crm/record-names.js';
import { iso, isoNotNull } from '../crm/sql-values.js';
import type { TicketsRepo } from '../crm/tickets-repo.js';
import { SUMMARY_COLUMNS, type MessageRow } from '../store/messages-repo.js';
import type { CallContext, ServiceDeps } from './handler.js';
import { summarize, visibleFoldersOf } from './message-summaries.js';

export interface TimelineRepos {
  tickets: TicketsRepo;
  activities: ActivitiesRepo;
  notes: NotesRepo;
  pipeline: PipelineRepo;
}

/** The message ids filed under a record (a company's include its contacts'), from the live or the kept links. */
function filedUnder(table: 'message_links' | 'removed_message_links', type: RecordType): string {
  const own = `SELECT message_id FROM ${table} WHERE record_type = @type AND record_id = @id`;
  return type === 'company'
    ? `${own} UNION SELECT l.message_id FROM ${table} l JOIN contacts c ON c.id = l.record_id WHERE l.record_type = 'contact' AND c.company_id = @id`
    : own;
}

const concerns = (kind: string, alias: string) =>
  `EXISTS (SELECT 1 FROM record_relations r WHERE r.record_type = '${kind}' AND r.record_id = ${alias}.id AND r.related_type = @type AND r.related_id = @id)`;

/** Tickets and deals also belong to their requester / contact and company by their own columns. */
function ownedBy(type: RecordType, alias: string, columns: { contact: string; company: string }): string {
  if (type === 'contact') return `${alias}.${columns.contact} = @id OR `;
  if (type === 'company') return `${alias}.${columns.company} = @id OR `;
  return '';
}

/**
 * A record's history, newest first, in one ordered query over every kind of line so pages are stable: its emails
 * in folders the agent may see, the emails kept after deletion from accounts the agent may see (or that no longer
 * exist), and the tickets, tasks, events, notes and deals that concern it.
 */
export function recordTimeline(deps: ServiceDeps, repos: TimelineRepos, ctx: CallContext, ref: RecordRef, limit: number, offset: number) {
  const sqlite = deps.store.sqlite;
  const folders = JSON.stringify(visibleFoldersOf(deps, ctx).map((f) => f.id));
  const accounts = JSON.stringify([...deps.access.visibleAccountIds(ctx.agentId)]);
  const union = `
    SELECT 'message' AS kind, m.id, coalesce(m.date, m.received_at) AS at FROM messages m
      WHERE m.id IN (${filedUnder('message_links', ref.type)}) AND m.folder_id IN (SELECT value FROM json_each(@folders))
    UNION ALL SELECT 'removed-message', k.id, coalesce(k.date, k.removed_at) FROM removed_messages k
      WHERE k.id IN (${filedUnder('removed_message_links', ref.type)})
        AND (k.account_id IS NULL OR k.account_id IN (SELECT value FROM json_each(@accounts)) OR NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = k.account_id))
    UNION ALL SELECT 'ticket', t.id, t.created_at FROM tickets t
      WHERE t.deleted_at IS NULL AND (${ownedBy(ref.type, 't', { contact: 'requester_id', company: 'company_id' })}${concerns('ticket', 't')})
    UNION ALL SELECT 'deal', d.id, d.created_at FROM deals d
      WHERE d.deleted_at IS NULL AND (${ownedBy(ref.type, 'd', { contact: 'contact_id', company: 'company_id' })}${concerns('deal', 'd')})
    UNION ALL SELECT 'task', t.id, coalesce(t.done_at, t.created_at) FROM crm_tasks t WHERE t.deleted_at IS NULL AND ${concerns('task', 't')}
    UNION ALL SELECT 'event', e.id, e.starts_at FROM events e WHERE e.deleted_at IS NULL AND ${concerns('event', 'e')}
    UNION ALL SELECT 'note', n.id, n.created_at FROM notes n WHERE n.deleted_at IS NULL AND ${concerns('note', 'n')}`;
  const params = { type: ref.type, id: ref.id, folders, accounts };
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM (${union})`).get(params) as { n: number }).n;
  const lines = sqlite.prepare(`SELECT kind, id, at FROM (${union}) ORDER BY at DESC, kind, id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset }) as Array<{ kind: TimelineItem['kind']; id: number; at: number | null }>;

  const idsOf = (kind: TimelineItem['kind']) => lines.filter((l) => l.kind === kind).map((l) => l.id);
  const messageRows = sqlite.prepare(`SELECT ${SUMMARY_COLUMNS} FROM messages WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(idsOf('message'))) as MessageRow[];
  const messages = new Map(summarize(deps, messageRows, ctx).map((m) => [m.id, m]));
  const removed = removedMessages(deps, ctx, idsOf('removed-message'));
  const tasks = new Map(repos.activities.tasksByIds(idsOf('task')).map((t) => [t.id, t]));
  const events = new Map(repos.activities.eventsByIds(idsOf('event')).map((e) => [e.id, e]));

  const items = lines.flatMap((l): TimelineItem[] => {
    const date = iso(l.at);
    switch (l.kind) {
      case 'message': {
        const message = messages.get(l.id);
        return message ? [{ kind: 'message', date: message.date, message }] : [];
      }
      case 'removed-message': {
        const message = removed.get(l.id);
        return message ? [{ kind: 'removed-message', date: message.date, message }] : [];
      }
      case 'ticket': return [{ kind: 'ticket', date: date!, ticket: repos.tickets.get(l.id) }];
      case 'deal': return [{ kind: 'deal', date: date!, deal: repos.pipeline.deal(l.id) }];
      case 'task': return tasks.has(l.id) ? [{ kind: 'task', date: date!, task: tasks.get(l.id)! }] : [];
      case 'event': return events.has(l.id) ? [{ kind: 'event', date: date!, event: events.get(l.id)! }] : [];
      case 'note': return [{ kind: 'note', date: date!, note: repos.notes.get(l.id, ctx.agentId) }];
    }
  });
  return { items, total };
}

interface RemovedRow {
  id: number; subject: string; from_name: string; from_address: string; recipients: string; date: number | null; direction: 'in' | 'out';
  private: number; owner_agent_id: number | null; snippet: string; text_body: string | null; removed_at: number;
}

/** What the history kept of deleted emails, their content hidden from all but its owner when private. */
function removedMessages(deps: ServiceDeps, ctx: CallContext, ids: number[]): Map<number, RemovedMessage> {
  const sqlite = deps.store.sqlite;
  if (ids.length === 0) return new Map();
  const json = JSON.stringify(ids);
  const rows = sqlite.prepare('SELECT * FROM removed_messages WHERE id IN (SELECT value FROM json_each(?))').all(json) as RemovedRow[];
  const links = sqlite
    .prepare(`SELECT message_id, record_type, record_id, reason, ${recordNameSql('record_type', 'record_id')} AS name FROM removed_message_links WHERE message_id IN (SELECT value FROM json_each(?))`)
    .all(json) as Array<{ message_id: number; record_type: RecordType; record_id: number; reason: MessageLink['reason']; name: string | null }>;
  return new Map(rows.map((r) => {
    const visible = deps.access.canSeeContent(ctx.agentId, r);
    const message: RemovedMessage = {
      id: r.id,
      subject: visible ? r.subject : '',
      from: r.from_address || r.from_name ? { name: r.from_name, address: r.from_address } : null,
      to: JSON.parse(r.recipients) as Address[],
      date: iso(r.date),
      direction: r.direction,
      private: r.private === 1,
      snippet: visible ? r.snippet : '',
      text: visible ? r.text_body : null,
      removedAt: isoNotNull(r.removed_at),
      links: links.filter((l) => l.message_id === r.id).map((l) => ({ type: l.record_type, id: l.record_id, name: l.name ?? '', reason: l.reason })),
    };
    return [r.id, message];
  }));
}
