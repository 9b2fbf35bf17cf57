import type Database from 'better-sqlite3';
import type { Ticket } from '../../../src-shared/contract/index.js';
import { notFound } from '../errors.js';
import { cached } from '../store/statements.js';
import { PERSON_NAME } from './record-names.js';
import { iso, isoNotNull, pageOf, wordConditions } from './sql-values.js';

export const DEFAULT_QUEUE = 'Support';

interface TicketRow {
  id: number; number: number; subject: string; status: Ticket['status']; requester_id: number; requester_name: string | null;
  company_id: number | null; company_name: string | null; queue: string; assignee_id: number | null; assignee_name: string | null;
  messages: number; closed_at: number | null; deleted_at: number | null; created_at: number;
}

const SELECT = `t.*, ${PERSON_NAME('c')} AS requester_name, co.name AS company_name, a.name AS assignee_name,
  (SELECT count(*) FROM message_links l WHERE l.record_type = 'ticket' AND l.record_id = t.id) AS messages`;
const FROM = 'tickets t LEFT JOIN contacts c ON c.id = t.requester_id LEFT JOIN companies co ON co.id = t.company_id LEFT JOIN agents a ON a.id = t.assignee_id';

const toTicket = (r: TicketRow): Ticket => ({
  id: r.id, number: r.number, subject: r.subject, status: r.status, requesterId: r.requester_id, requesterName: r.requester_name ?? '',
  companyId: r.company_id, companyName: r.company_name, queue: r.queue, assigneeId: r.assignee_id, assigneeName: r.assignee_name,
  messages: r.messages, closedAt: iso(r.closed_at), deleted: r.deleted_at !== null, createdAt: isoNotNull(r.created_at),
});

export interface TicketFilter {
  query: string;
  status?: Ticket['status'] | undefined;
  requesterId?: number | undefined;
  companyId?: number | undefined;
  queue?: string | undefined;
  assigneeId?: number | undefined;
  number?: number | undefined;
  includeDeleted: boolean;
  limit: number;
  offset: number;
}

export class TicketsRepo {
  constructor(private readonly sqlite: Database.Database) {}

  get(id: number): Ticket {
    const row = cached(this.sqlite, `SELECT ${SELECT} FROM ${FROM} WHERE t.id = ?`).get(id) as TicketRow | undefined;
    if (!row) throw notFound(`Ticket ${id}`);
    return toTicket(row);
  }

  list(q: TicketFilter) {
    // "1042" or "#1042" typed in the search box finds that ticket first, besides subjects containing it.
    const words = wordConditions(`'#' || t.number || ' ' || t.subject || ' ' || c.first_name || ' ' || c.last_name || ' ' || coalesce(c.email, '') || ' ' || coalesce(co.name, '')`, q.query);
    const filters: Array<[string, ...unknown[]]> = [];
    if (q.status) filters.push(['t.status = ?', q.status]);
    if (q.requesterId) filters.push(['t.requester_id = ?', q.requesterId]);
    // A company's tickets: opened for it, or by any of its contacts.
    if (q.companyId) filters.push(['(t.company_id = ? OR c.company_id = ?)', q.companyId, q.companyId]);
    if (q.queue) filters.push(['t.queue = ?', q.queue]);
    if (q.assigneeId) filters.push(['t.assignee_id = ?', q.assigneeId]);
    if (q.number) filters.push(['t.number = ?', q.number]);
    const { rows, total } = pageOf<TicketRow>(this.sqlite, {
      select: SELECT, from: FROM,
      where: [...(q.includeDeleted ? [] : ['t.deleted_at IS NULL']), ...filters.map(([w]) => w), ...words.where],
      params: [...filters.flatMap(([, ...v]) => v), ...words.params],
      order: "t.status = 'closed', t.number DESC", limit: q.limit, offset: q.offset,
    });
    return { items: rows.map(toTicket), total };
  }

  /** Numbers follow on from the highest ever given, so a deleted ticket's number is never given again. */
  create(v: { subject: string; requesterId: number; queue: string; assigneeId: number | null }): number {
    return (cached(
      this.sqlite,
      `INSERT INTO tickets (number, subject, requester_id, company_id, queue, assignee_id)
       VALUES ((SELECT coalesce(max(number), 0) + 1 FROM tickets), ?, ?, ?, ?, ?) RETURNING id`,
    ).get(v.subject, v.requesterId, this.companyOf(v.requesterId), v.queue, v.assigneeId) as { id: number }).id;
  }

  update(id: number, v: { subject?: string | undefined; status?: Ticket['status'] | undefined; requesterId?: number | undefined; queue?: string | undefined; assigneeId?: number | null | undefined }): void {
    const before = this.get(id);
    const requesterId = v.requesterId ?? before.requesterId;
    const companyId = requesterId === before.requesterId ? before.companyId : this.companyOf(requesterId);
    const status = v.status ?? before.status;
    const closedAt = status === 'closed' ? (before.status === 'closed' ? Date.parse(before.closedAt!) : Date.now()) : null;
    cached(this.sqlite, 'UPDATE tickets SET subject = ?, status = ?, requester_id = ?, company_id = ?, queue = ?, assignee_id = ?, closed_at = ? WHERE id = ?')
      .run(v.subject ?? before.subject, status, requesterId, companyId, v.queue ?? before.queue, v.assigneeId === undefined ? before.assigneeId : v.assigneeId, closedAt, id);
  }

  private companyOf(contactId: number): number | null {
    const row = cached(this.sqlite, 'SELECT company_id FROM contacts WHERE id = ?').get(contactId) as { company_id: number | null } | undefined;
    if (!row) throw notFound(`Contact ${contactId}`);
    return row.company_id;
  }

  queues(): string[] {
    const used = (cached(this.sqlite, 'SELECT DISTINCT queue FROM tickets WHERE deleted_at IS NULL ORDER BY fold(queue)').all() as Array<{ queue: string }>).map((r) => r.queue);
    return used.includes(DEFAULT_QUEUE) ? used : [DEFAULT_QUEUE, ...used];
  }

  /** The ticket an email is filed under, if any. */
  ofMessage(messageId: number): number | null {
    const row = cached(this.sqlite, "SELECT record_id FROM message_links WHERE message_id = ? AND record_type = 'ticket'").get(messageId) as { record_id: number } | undefined;
    return row?.record_id ?? null;
  }
}
