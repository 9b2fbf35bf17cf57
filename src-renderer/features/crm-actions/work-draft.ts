import type { Input } from '../../../src-shared/contract/index.js';
import { localInputToIso, nextFullHour } from './local-datetime.js';

/** What the Task… and Event… forms hold, as typed (dates as the inputs give them). */
export interface WorkDraft {
  title: string;
  category: string;
  /** datetime-local values, "" when empty. */
  due: string;
  starts: string;
  ends: string;
  location: string;
  assigneeId: number | null;
}

/** The forms as they open on an email: its subject as the title, an event at the next full hour. */
export function newWorkDraft(subject: string, now: Date = new Date()): WorkDraft {
  return { title: subject, category: '', due: '', starts: nextFullHour(now), ends: '', location: '', assigneeId: null };
}

export type DraftProblem = 'title' | 'due' | 'starts' | 'ends' | 'order';
type Related = { type: 'contact'; id: number }[];

export function taskInput(d: WorkDraft, messageId: number, related: Related): Input<'tasks.create'> | DraftProblem {
  if (!d.title.trim()) return 'title';
  const dueAt = d.due ? localInputToIso(d.due) : null;
  if (d.due && dueAt === null) return 'due';
  return { title: d.title.trim(), category: d.category.trim(), dueAt, assigneeId: d.assigneeId, related, messageId };
}

export function eventInput(d: WorkDraft, messageId: number, related: Related): Input<'events.create'> | DraftProblem {
  if (!d.title.trim()) return 'title';
  const startsAt = localInputToIso(d.starts);
  if (startsAt === null) return 'starts';
  const endsAt = d.ends ? localInputToIso(d.ends) : null;
  if (d.ends && endsAt === null) return 'ends';
  if (endsAt !== null && endsAt < startsAt) return 'order';
  return { title: d.title.trim(), startsAt, endsAt, location: d.location.trim(), related, messageId };
}
