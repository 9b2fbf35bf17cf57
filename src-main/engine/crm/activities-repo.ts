import type Database from 'better-sqlite3';
import type { Event, RecordRef, Task } from '../../../src-shared/contract/index.js';
import { notFound } from '../errors.js';
import { cached } from '../store/statements.js';
import { relatedOf } from './relations.js';
import { iso, isoNotNull, msOf, pageOf, wordConditions } from './sql-values.js';

interface TaskRow {
  id: number; title: string; category: string; status: Task['status']; due_at: number | null; assignee_id: number | null; assignee_name: string | null;
  notes: string; done_at: number | null; deleted_at: number | null; created_at: number;
}
interface EventRow { id: number; title: string; starts_at: number; ends_at: number | null; location: string; notes: string; deleted_at: number | null; created_at: number }

const TASK_SELECT = 't.*, a.name AS assignee_name';
const TASK_FROM = 'crm_tasks t LEFT JOIN agents a ON a.id = t.assignee_id';

/** Rows of records that concern `related` (through record_relations). */
const concerning = (kind: string, alias: string) =>
  `EXISTS (SELECT 1 FROM record_relations r WHERE r.record_type = '${kind}' AND r.record_id = ${alias}.id AND r.related_type = ? AND r.related_id = ?)`;

export type TaskValues = Pick<Task, 'title' | 'category' | 'status' | 'dueAt' | 'assigneeId' | 'notes'>;
export type EventValues = Pick<Event, 'title' | 'startsAt' | 'endsAt' | 'location' | 'notes'>;

/** Tasks (actions to do) and events (dates in a calendar), each concerning any number of records. */
export class ActivitiesRepo {
  constructor(private readonly sqlite: Database.Database) {}

  tasksByIds(ids: number[]): Task[] {
    const rows = cached(this.sqlite, `SELECT ${TASK_SELECT} FROM ${TASK_FROM} WHERE t.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as TaskRow[];
    const related = relatedOf(this.sqlite, 'task', ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{
        id: r.id, title: r.title, category: r.category, status: r.status, dueAt: iso(r.due_at), assigneeId: r.assignee_id, assigneeName: r.assignee_name,
        notes: r.notes, related: related.get(r.id) ?? [], doneAt: iso(r.done_at), deleted: r.deleted_at !== null, createdAt: isoNotNull(r.created_at),
      }] : [];
    });
  }

  task(id: number): Task {
    const [task] = this.tasksByIds([id]);
    if (!task) throw notFound(`Task ${id}`);
    return task;
  }

  tasks(q: { query: string; status: 'open' | 'done' | 'all'; category?: string | undefined; assigneeId?: number | undefined; related?: RecordRef | undefined; includeDeleted: boolean; limit: number; offset: number }) {
    const words = wordConditions(`t.title || ' ' || t.category || ' ' || t.notes`, q.query);
    const filters: Array<[string, ...unknown[]]> = [];
    if (q.status === 'open') filters.push(["t.status <> 'done'"]);
    if (q.status === 'done') filters.push(["t.status = 'done'"]);
    if (q.category !== undefined) filters.push(['t.category = ?', q.category]);
    if (q.assigneeId) filters.push(['t.assignee_id = ?', q.assigneeId]);
    if (q.related) filters.push([concerning('task', 't'), q.related.type, q.related.id]);
    const { rows, total } = pageOf<{ id: number }>(this.sqlite, {
      select: 't.id', from: TASK_FROM,
      where: [...(q.includeDeleted ? [] : ['t.deleted_at IS NULL']), ...filters.map(([w]) => w), ...words.where],
      params: [...filters.flatMap(([, ...v]) => v), ...words.params],
      // Due soonest first, undated after, done last.
      order: "t.status = 'done', t.due_at IS NULL, t.due_at, t.id DESC", limit: q.limit, offset: q.offset,
    });
    return { items: this.tasksByIds(rows.map((r) => r.id)), total };
  }

  createTask(v: TaskValues): number {
    return (cached(this.sqlite, 'INSERT INTO crm_tasks (title, category, status, due_at, assignee_id, notes, done_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id')
      .get(v.title, v.category, v.status, msOf(v.dueAt), v.assigneeId, v.notes, v.status === 'done' ? Date.now() : null) as { id: number }).id;
  }

  updateTask(id: number, v: TaskValues): void {
    const before = this.task(id);
    const doneAt = v.status !== 'done' ? null : before.status === 'done' ? msOf(before.doneAt) : Date.now();
    cached(this.sqlite, 'UPDATE crm_tasks SET title = ?, category = ?, status = ?, due_at = ?, assignee_id = ?, notes = ?, done_at = ? WHERE id = ?')
      .run(v.title, v.category, v.status, msOf(v.dueAt), v.assigneeId, v.notes, doneAt, id);
  }

  /** The categories in use, most used first. */
  taskCategories(): string[] {
    return (cached(this.sqlite, "SELECT category FROM crm_tasks WHERE category <> '' AND deleted_at IS NULL GROUP BY category ORDER BY count(*) DESC, fold(category)").all() as Array<{ category: string }>).map((r) => r.category);
  }

  eventsByIds(ids: number[]): Event[] {
    const rows = cached(this.sqlite, 'SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as EventRow[];
    const related = relatedOf(this.sqlite, 'event', ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{
        id: r.id, title: r.title, startsAt: isoNotNull(r.starts_at), endsAt: iso(r.ends_at), location: r.location, notes: r.notes,
        related: related.get(r.id) ?? [], deleted: r.deleted_at !== null, createdAt: isoNotNull(r.created_at),
      }] : [];
    });
  }

  event(id: number): Event {
    const [event] = this.eventsByIds([id]);
    if (!event) throw notFound(`Event ${id}`);
    return event;
  }

  events(q: { from?: string | undefined; to?: string | undefined; related?: RecordRef | undefined; includeDeleted: boolean; limit: number; offset: number }) {
    const filters: Array<[string, ...unknown[]]> = [];
    // An event is in a range when it overlaps it.
    if (q.from) filters.push(['coalesce(e.ends_at, e.starts_at) >= ?', msOf(q.from)]);
    if (q.to) filters.push(['e.starts_at < ?', msOf(q.to)]);
    if (q.related) filters.push([concerning('event', 'e'), q.related.type, q.related.id]);
    const { rows, total } = pageOf<{ id: number }>(this.sqlite, {
      select: 'e.id', from: 'events e',
      where: [...(q.includeDeleted ? [] : ['e.deleted_at IS NULL']), ...filters.map(([w]) => w)],
      params: filters.flatMap(([, ...v]) => v),
      order: 'e.starts_at, e.id', limit: q.limit, offset: q.offset,
    });
    return { items: this.eventsByIds(rows.map((r) => r.id)), total };
  }

  createEvent(v: EventValues): number {
    return (cached(this.sqlite, 'INSERT INTO events (title, starts_at, ends_at, location, notes) VALUES (?, ?, ?, ?, ?) RETURNING id')
      .get(v.title, msOf(v.startsAt), msOf(v.endsAt), v.location, v.notes) as { id: number }).id;
  }

  updateEvent(id: number, v: EventValues): void {
    cached(this.sqlite, 'UPDATE events SET title = ?, starts_at = ?, ends_at = ?, location = ?, notes = ? WHERE id = ?').run(v.title, msOf(v.startsAt), msOf(v.endsAt), v.location, v.notes, id);
  }
}
