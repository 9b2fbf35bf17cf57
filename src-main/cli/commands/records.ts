import type { RecordRef, Task, Ticket } from '../../../src-shared/contract/index.js';
import { idArgument, type CliContext } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';

const date = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** An ISO date from what people type on a command line: 2026-12-01 or a full ISO 8601 time. */
function isoArgument(value: string, what: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T09:00:00` : value);
  if (Number.isNaN(ms)) throw new UsageError(`Give the ${what} as a date such as 2026-12-01 or 2026-12-01T14:30:00+01:00.`);
  return new Date(ms).toISOString();
}

const ticketLine = (t: Ticket) =>
  `#${String(t.number).padEnd(6)} ${t.status.padEnd(6)} ${t.subject.slice(0, 40).padEnd(40)} ${t.requesterName.padEnd(24)} ${t.queue}${t.assigneeName ? ` → ${t.assigneeName}` : ''}`;

/** `facteur tickets add --subject S --requester CONTACT_ID [--queue Q] [--assignee AGENT_ID] [--message ID] | list [QUERY] [--status open|closed]`. */
export async function ticketsCommand(ctx: CliContext): Promise<number> {
  const [verb, ...rest] = ctx.args;
  const o = ctx.options;
  const { engine, client } = await ctx.open();
  try {
    if (verb === 'add') {
      if (!o.subject) throw new UsageError('tickets add needs --subject and --requester CONTACT_ID.');
      const ticket = await client.api.tickets.create({
        subject: o.subject,
        requesterId: idArgument(o.requester, 'requester (a contact id)'),
        ...(o.queue ? { queue: o.queue } : {}),
        ...(o.assignee ? { assigneeId: idArgument(o.assignee, 'assignee (an agent id)') } : {}),
        ...(o.message ? { messageId: idArgument(o.message, 'message id') } : {}),
      });
      if (o.json) printJson(ticket);
      else printLine(`Ticket #${ticket.number} (id ${ticket.id}): ${ticket.subject}`);
      return 0;
    }
    if (verb === 'list' || verb === undefined) {
      if (o.status !== undefined && o.status !== 'open' && o.status !== 'closed') throw new UsageError('--status is open or closed.');
      const { items, total } = await client.api.tickets.list({ query: rest.join(' '), ...(o.status ? { status: o.status } : {}), limit: 500 });
      if (o.json) printJson(items);
      else {
        for (const t of items) printLine(ticketLine(t));
        printLine(`${total} ticket${total === 1 ? '' : 's'}`);
      }
      return 0;
    }
    throw new UsageError('tickets takes add or list.');
  } finally {
    await engine.close();
  }
}

const taskLine = (t: Task) =>
  `${String(t.id).padStart(6)}  ${(t.status === 'done' ? '[x]' : '[ ]')} ${t.title.slice(0, 40).padEnd(40)} ${t.category.padEnd(12)} ${date(t.dueAt).padEnd(10)} ${t.related.map((r) => r.name).join(', ')}`;

/**
 * `facteur tasks add --title T [--category C] [--due DATE] [--assignee AGENT_ID] [--contact ID|--company ID…]
 * [--message ID] | list [QUERY] [--status open|done|all] [--category C]`.
 */
export async function tasksCommand(ctx: CliContext): Promise<number> {
  const [verb, ...rest] = ctx.args;
  const o = ctx.options;
  const { engine, client } = await ctx.open();
  try {
    if (verb === 'add') {
      if (!o.title) throw new UsageError('tasks add needs --title.');
      const related: RecordRef[] = [];
      if (o.contact) related.push({ type: 'contact', id: idArgument(o.contact, 'contact id') });
      if (o.company) related.push({ type: 'company', id: idArgument(o.company, 'company id') });
      if (o.ticket) related.push({ type: 'ticket', id: idArgument(o.ticket, 'ticket id') });
      const task = await client.api.tasks.create({
        title: o.title,
        related,
        ...(o.category ? { category: o.category } : {}),
        ...(o.due ? { dueAt: isoArgument(o.due, 'due date') } : {}),
        ...(o.assignee ? { assigneeId: idArgument(o.assignee, 'assignee (an agent id)') } : {}),
        ...(o.message ? { messageId: idArgument(o.message, 'message id') } : {}),
      });
      if (o.json) printJson(task);
      else printLine(`Task ${task.id}: ${task.title}`);
      return 0;
    }
    if (verb === 'list' || verb === undefined) {
      if (o.status !== undefined && !['open', 'done', 'all'].includes(o.status)) throw new UsageError('--status is open, done or all.');
      const { items, total } = await client.api.tasks.list({
        query: rest.join(' '),
        ...(o.status ? { status: o.status as 'open' | 'done' | 'all' } : {}),
        ...(o.category ? { category: o.category } : {}),
        limit: 500,
      });
      if (o.json) printJson(items);
      else {
        for (const t of items) printLine(taskLine(t));
        printLine(`${total} task${total === 1 ? '' : 's'}`);
      }
      return 0;
    }
    throw new UsageError('tasks takes add or list.');
  } finally {
    await engine.close();
  }
}
