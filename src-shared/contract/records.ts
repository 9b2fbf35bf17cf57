import { z } from 'zod';
import { Address, Id, IsoDate } from './common.js';
import { command, patchOf } from './define.js';
import { MessageLink, NamedRecord, RecordRef, RecordType } from './link.js';
import { Direction, MessageSummary } from './messages.js';

/*
 * The CRM records beyond contacts and companies. Each is the office's, shared by every agent; a record's
 * relations (`related`) are the contacts, companies, tickets… it concerns, and it appears in each of their timelines.
 * Deleting is soft: the record leaves lists and searches and can be restored.
 */

const title = z.string().trim().min(1).max(500);
const text = z.string().max(20_000);
const page = { limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) };
const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
const common = { deleted: z.boolean(), createdAt: IsoDate };
/** Creating a record from an email files that email under it (reason `manual`). */
const fromMessage = { messageId: Id.optional() };

export const LeadStatus = z.enum(['new', 'qualified', 'lost', 'converted']);
export const Lead = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string(),
  companyName: z.string(),
  /** Where the lead came from: "website", "fair", "referral"… free text. */
  source: z.string(),
  status: LeadStatus,
  notes: z.string(),
  /** The contact the lead became once converted. */
  contactId: Id.nullable(),
  ...common,
});
export type Lead = z.infer<typeof Lead>;
const LeadFields = z.object({
  firstName: z.string().trim().max(200).default(''),
  lastName: z.string().trim().max(200).default(''),
  email: z.email().max(320).nullable().default(null),
  phone: z.string().trim().max(50).default(''),
  companyName: z.string().trim().max(200).default(''),
  source: z.string().trim().max(200).default(''),
  status: LeadStatus.default('new'),
  notes: text.default(''),
});

export const DealStage = z.enum(['open', 'won', 'lost']);
/** An "affaire": a sale in progress with a company. */
export const Deal = z.object({
  id: Id,
  title: z.string(),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  contactId: Id.nullable(),
  contactName: z.string().nullable(),
  /** In the currency's minor unit would lose nothing, but people type "1 250,50": kept as a decimal number. */
  amount: z.number().nullable(),
  currency: z.string(),
  stage: DealStage,
  notes: z.string(),
  ...common,
});
export type Deal = z.infer<typeof Deal>;
const DealFields = z.object({
  title,
  companyId: Id.nullable().default(null),
  contactId: Id.nullable().default(null),
  amount: z.number().min(0).max(1e12).nullable().default(null),
  currency: z.string().regex(/^[A-Z]{3}$/, 'A currency is three capital letters, such as EUR or RON').default('EUR'),
  stage: DealStage.default('open'),
  notes: text.default(''),
});

export const TicketStatus = z.enum(['open', 'closed']);
export const Ticket = z.object({
  id: Id,
  /** Sequential across the office: what people quote on the phone ("ticket 1042"). */
  number: z.number().int().positive(),
  subject: z.string(),
  status: TicketStatus,
  requesterId: Id,
  requesterName: z.string(),
  /** The requester's company when the ticket was opened or changed. */
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  /** The ticket folder (queue) it is filed in: "Support", "Billing"… */
  queue: z.string(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  /** How many emails are filed under it (the original and the replies that joined). */
  messages: z.number().int(),
  closedAt: IsoDate.nullable(),
  ...common,
});
export type Ticket = z.infer<typeof Ticket>;
const queue = z.string().trim().min(1).max(100);

export const TaskStatus = z.enum(['todo', 'doing', 'done']);
/** A task or action: a call to make, a quote to send. */
export const Task = z.object({
  id: Id,
  title: z.string(),
  /** Free text ("call", "quote", "follow-up"); the list offers those already used. */
  category: z.string(),
  status: TaskStatus,
  dueAt: IsoDate.nullable(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  notes: z.string(),
  related: z.array(NamedRecord),
  doneAt: IsoDate.nullable(),
  ...common,
});
export type Task = z.infer<typeof Task>;
const category = z.string().trim().max(100);

export const Event = z.object({
  id: Id,
  title: z.string(),
  startsAt: IsoDate,
  endsAt: IsoDate.nullable(),
  location: z.string(),
  notes: z.string(),
  related: z.array(NamedRecord),
  ...common,
});
export type Event = z.infer<typeof Event>;

/** A note on a record or an email; addressed to a colleague, it waits in their list until they read it. */
export const Note = z.object({
  id: Id,
  body: z.string(),
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  addresseeId: Id.nullable(),
  addresseeName: z.string().nullable(),
  messageId: Id.nullable(),
  /** The email's subject, for a note on an email ("" when the email is private to someone else). */
  messageSubject: z.string().nullable(),
  related: z.array(NamedRecord),
  readAt: IsoDate.nullable(),
  ...common,
});
export type Note = z.infer<typeof Note>;

/** A filed email since deleted from the mailbox: the history keeps what it shows of it (see links.purge). */
export const RemovedMessage = z.object({
  id: Id,
  subject: z.string(),
  from: Address.nullable(),
  to: z.array(Address),
  date: IsoDate.nullable(),
  direction: Direction,
  private: z.boolean(),
  /** The start of its text ("" when private to someone else), and its whole text body for reading. */
  snippet: z.string(),
  text: z.string().nullable(),
  removedAt: IsoDate,
  links: z.array(MessageLink),
});
export type RemovedMessage = z.infer<typeof RemovedMessage>;

/** One line of a record's history: an email, or a record that concerns it. */
export const TimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), date: IsoDate.nullable(), message: MessageSummary }),
  z.object({ kind: z.literal('removed-message'), date: IsoDate.nullable(), message: RemovedMessage }),
  z.object({ kind: z.literal('ticket'), date: IsoDate, ticket: Ticket }),
  z.object({ kind: z.literal('task'), date: IsoDate, task: Task }),
  z.object({ kind: z.literal('event'), date: IsoDate, event: Event }),
  z.object({ kind: z.literal('note'), date: IsoDate, note: Note }),
  z.object({ kind: z.literal('deal'), date: IsoDate, deal: Deal }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;

/** A record found by a search, for "link to…" and pickers. `detail` says which one it is (address, status, due date). */
export const RecordHit = NamedRecord.extend({ detail: z.string(), open: z.boolean() });
export type RecordHit = z.infer<typeof RecordHit>;

const related = z.array(RecordRef).max(50).default([]);
const del = z.object({ id: Id });

export const recordsCommands = {
  'leads.list': command(z.object({ query: z.string().max(200).default(''), status: LeadStatus.optional(), includeDeleted: z.boolean().default(false), ...page }), listOf(Lead)),
  'leads.get': command(z.object({ id: Id }), Lead),
  'leads.create': command(LeadFields.extend(fromMessage).refine((l) => l.firstName || l.lastName || l.email || l.companyName, { message: 'A lead needs a name, a company or an email address' }), Lead),
  'leads.update': command(patchOf(LeadFields).extend({ id: Id }), Lead),
  /** The lead becomes a contact (and its company, found by name or created); its emails follow. */
  'leads.convert': command(z.object({ id: Id }), z.object({ lead: Lead, contactId: Id })),
  'leads.delete': command(del, Lead),
  'leads.restore': command(del, Lead),

  'deals.list': command(z.object({ query: z.string().max(200).default(''), stage: DealStage.optional(), companyId: Id.optional(), includeDeleted: z.boolean().default(false), ...page }), listOf(Deal)),
  'deals.get': command(z.object({ id: Id }), Deal),
  'deals.create': command(DealFields.extend(fromMessage), Deal),
  'deals.update': command(patchOf(DealFields).extend({ id: Id }), Deal),
  'deals.delete': command(del, Deal),
  'deals.restore': command(del, Deal),

  'tickets.list': command(
    z.object({
      query: z.string().max(200).default(''),
      status: TicketStatus.optional(),
      requesterId: Id.optional(),
      companyId: Id.optional(),
      queue: z.string().optional(),
      assigneeId: Id.optional(),
      number: z.number().int().positive().optional(),
      includeDeleted: z.boolean().default(false),
      ...page,
    }),
    listOf(Ticket),
  ),
  'tickets.get': command(z.object({ id: Id }), Ticket),
  /**
   * Opens a ticket. From an email (`messageId`), that email is filed under it; an email belongs to one ticket at most
   * (CONFLICT names the one it has), and the later replies in its thread join the ticket by themselves.
   */
  'tickets.create': command(
    z.object({ subject: title, requesterId: Id, queue: queue.default('Support'), assigneeId: Id.nullable().default(null), ...fromMessage }),
    Ticket,
  ),
  'tickets.update': command(z.object({ id: Id, subject: title.optional(), status: TicketStatus.optional(), requesterId: Id.optional(), queue: queue.optional(), assigneeId: Id.nullable().optional() }), Ticket),
  'tickets.delete': command(del, Ticket),
  'tickets.restore': command(del, Ticket),
  /** The ticket folders in use, and the default one. */
  'tickets.queues': command(z.object({}), z.object({ items: z.array(z.string()) })),

  'tasks.list': command(
    z.object({
      query: z.string().max(200).default(''),
      /** `open` is everything not done. */
      status: z.enum(['open', 'done', 'all']).default('open'),
      category: z.string().optional(),
      assigneeId: Id.optional(),
      related: RecordRef.optional(),
      includeDeleted: z.boolean().default(false),
      ...page,
    }),
    listOf(Task),
  ),
  'tasks.get': command(z.object({ id: Id }), Task),
  'tasks.create': command(
    z.object({ title, category: category.default(''), status: TaskStatus.default('todo'), dueAt: IsoDate.nullable().default(null), assigneeId: Id.nullable().default(null), notes: text.default(''), related, ...fromMessage }),
    Task,
  ),
  'tasks.update': command(
    z.object({ id: Id, title: title.optional(), category: category.optional(), status: TaskStatus.optional(), dueAt: IsoDate.nullable().optional(), assigneeId: Id.nullable().optional(), notes: text.optional(), related: z.array(RecordRef).max(50).optional() }),
    Task,
  ),
  'tasks.delete': command(del, Task),
  'tasks.restore': command(del, Task),
  'tasks.categories': command(z.object({}), z.object({ items: z.array(z.string()) })),

  'events.list': command(
    z.object({ from: IsoDate.optional(), to: IsoDate.optional(), related: RecordRef.optional(), includeDeleted: z.boolean().default(false), ...page }),
    listOf(Event),
  ),
  'events.get': command(z.object({ id: Id }), Event),
  'events.create': command(
    z.object({ title, startsAt: IsoDate, endsAt: IsoDate.nullable().default(null), location: z.string().trim().max(500).default(''), notes: text.default(''), related, ...fromMessage })
      .refine((e) => !e.endsAt || e.endsAt >= e.startsAt, { message: 'An event cannot end before it starts' }),
    Event,
  ),
  'events.update': command(
    z.object({ id: Id, title: title.optional(), startsAt: IsoDate.optional(), endsAt: IsoDate.nullable().optional(), location: z.string().trim().max(500).optional(), notes: text.optional(), related: z.array(RecordRef).max(50).optional() }),
    Event,
  ),
  'events.delete': command(del, Event),
  'events.restore': command(del, Event),

  /** Notes on a record, on an email, or addressed to the calling agent (`toMe`, unread first). */
  'notes.list': command(
    z.object({ related: RecordRef.optional(), messageId: Id.optional(), toMe: z.boolean().default(false), unreadOnly: z.boolean().default(false), ...page }),
    listOf(Note),
  ),
  'notes.create': command(
    z.object({ body: z.string().trim().min(1).max(20_000), addresseeId: Id.nullable().default(null), related, ...fromMessage })
      .refine((n) => n.messageId !== undefined || n.related.length > 0 || n.addresseeId !== null, { message: 'A note is on a record or an email, or addressed to someone' }),
    Note,
  ),
  /** The addressee has read it: it leaves their unread list. */
  'notes.markRead': command(z.object({ id: Id, read: z.boolean().default(true) }), Note),
  'notes.delete': command(del, Note),

  /** Records whose name, number, address or title contains every word, for "link to…" and pickers. */
  'records.search': command(
    z.object({
      query: z.string().max(200).default(''),
      types: z.array(RecordType).min(1).default(['contact', 'company', 'lead', 'deal', 'ticket', 'task', 'event']),
      /** Only open tickets, tasks not done, leads not lost or converted, deals still open. */
      openOnly: z.boolean().default(false),
      /** Tickets of this requester; tickets and deals of this company (and its contacts' tickets). */
      requesterId: Id.optional(),
      companyId: Id.optional(),
      category: z.string().optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    z.object({ items: z.array(RecordHit) }),
  ),
  /** A record's history, newest first: its emails (as the agent may see them) and the records that concern it. */
  'records.timeline': command(z.object({ type: RecordType, id: Id, ...page }), z.object({ items: z.array(TimelineItem), total: z.number().int() })),
  /** Makes one record concern another (a task about a contact, a deal about a ticket…). */
  'records.relate': command(z.object({ record: RecordRef, to: RecordRef }), z.object({ related: z.array(NamedRecord) })),
  'records.unrelate': command(z.object({ record: RecordRef, to: RecordRef }), z.object({ related: z.array(NamedRecord) })),
};
