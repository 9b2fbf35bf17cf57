import type { RecordRef, RecordType } from '../../../src-shared/contract/index.js';
import { ActivitiesRepo } from '../crm/activities-repo.js';
import { linkExisting } from '../crm/links.js';
import { NotesRepo } from '../crm/notes-repo.js';
import { PipelineRepo } from '../crm/pipeline-repo.js';
import { assertRecord, setRecordDeleted } from '../crm/record-names.js';
import { searchRecords } from '../crm/record-search.js';
import { RecordsRepo } from '../crm/records-repo.js';
import { relate, relatedOf, setRelated, unrelate } from '../crm/relations.js';
import { TicketsRepo } from '../crm/tickets-repo.js';
import type { StoreTable } from '../../../src-shared/contract/index.js';
import { EngineError } from '../errors.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';
import { fileByHand, readableMessage, readableOrKept } from './record-links.js';
import { recordTimeline } from './record-timeline.js';

type RecordsDomains = DomainHandlers<'leads'> & DomainHandlers<'deals'> & DomainHandlers<'tickets'> & DomainHandlers<'tasks'>
  & DomainHandlers<'events'> & DomainHandlers<'notes'> & DomainHandlers<'records'>;

const TABLE_OF: Record<RecordType, StoreTable> = {
  contact: 'contacts', company: 'companies', lead: 'leads', deal: 'deals', ticket: 'tickets', task: 'tasks', event: 'events',
};

/** Values given in an update, over the record's current ones. */
function merged<T extends object>(before: T, given: Partial<T>): T {
  return { ...before, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as T;
}

/**
 * Leads, deals, tickets, tasks, events and notes: the office's records, shared by every agent. Creating one from an
 * email files that email under it in the same transaction; what an agent sees of emails in a timeline follows the
 * same rules as the mailbox.
 */
export function recordsService(deps: ServiceDeps): RecordsDomains {
  const sqlite = deps.store.sqlite;
  const contacts = new RecordsRepo(sqlite);
  const pipeline = new PipelineRepo(sqlite);
  const tickets = new TicketsRepo(sqlite);
  const activities = new ActivitiesRepo(sqlite);
  const notes = new NotesRepo(sqlite);
  const changed = (ref: RecordRef) => deps.events.changed(TABLE_OF[ref.type], [ref.id]);

  /** Creates in one transaction with the email it comes from, if any, filed under it. */
  const create = (ctx: CallContext, type: RecordType, messageId: number | undefined, insert: () => number): number => {
    if (messageId !== undefined) readableMessage(deps, messageId, ctx);
    const id = sqlite.transaction(() => {
      const created = insert();
      if (messageId !== undefined) fileByHand(deps, ctx, messageId, { type, id: created });
      return created;
    })();
    changed({ type, id });
    return id;
  };

  const softDelete = <T>(type: RecordType, id: number, deleted: boolean, get: (id: number) => T): T => {
    setRecordDeleted(sqlite, { type, id }, deleted);
    changed({ type, id });
    return get(id);
  };

  const companyExists = (id: number | null) => { if (id !== null) contacts.company(id); };
  const contactExists = (id: number | null) => { if (id !== null) contacts.contact(id); };
  const agentExists = (id: number | null) => { if (id !== null) deps.agents.get(id); };

  return {
    'leads.list': (input) => pipeline.leads(input),
    'leads.get': (input) => pipeline.lead(input.id),
    'leads.create': (input, ctx) => pipeline.lead(create(ctx, 'lead', input.messageId, () => pipeline.createLead(input))),
    'leads.update': (input) => {
      pipeline.updateLead(input.id, merged(pipeline.lead(input.id), input));
      changed({ type: 'lead', id: input.id });
      return pipeline.lead(input.id);
    },
    'leads.convert': (input) => {
      const lead = pipeline.lead(input.id);
      // Converting again (a double click, a second window) is the same conversion, not a second customer.
      if (lead.status === 'converted' && lead.contactId !== null) return { lead, contactId: lead.contactId };
      const contactId = sqlite.transaction(() => {
        // The lead's address may already be a contact's: that contact is the customer, not a duplicate.
        const existing = lead.email ? (sqlite.prepare('SELECT id FROM contacts WHERE (email = ? OR email2 = ?) AND deleted_at IS NULL').get(lead.email, lead.email) as { id: number } | undefined) : undefined;
        const id = existing?.id ?? contacts.createContact({
          firstName: lead.firstName, lastName: lead.lastName, email: lead.email, email2: null, phones: lead.phone ? [lead.phone] : [],
          companyId: lead.companyName ? contacts.companyNamed(lead.companyName) : null, notes: lead.notes,
        });
        pipeline.updateLead(lead.id, { ...lead, status: 'converted', contactId: id });
        // Its emails follow it: by address where the address is on them, else for the reason the lead had them.
        if (lead.email) linkExisting(sqlite, id, [lead.email]);
        sqlite.prepare("INSERT OR IGNORE INTO message_links (message_id, record_type, record_id, reason) SELECT message_id, 'contact', ?, reason FROM message_links WHERE record_type = 'lead' AND record_id = ?").run(id, lead.id);
        return id;
      })();
      changed({ type: 'lead', id: lead.id });
      changed({ type: 'contact', id: contactId });
      deps.events.changed('messages', []);
      return { lead: pipeline.lead(lead.id), contactId };
    },
    'leads.delete': (input) => softDelete('lead', input.id, true, (id) => pipeline.lead(id)),
    'leads.restore': (input) => softDelete('lead', input.id, false, (id) => pipeline.lead(id)),

    'deals.list': (input) => pipeline.deals(input),
    'deals.get': (input) => pipeline.deal(input.id),
    'deals.create': (input, ctx) => {
      companyExists(input.companyId);
      contactExists(input.contactId);
      return pipeline.deal(create(ctx, 'deal', input.messageId, () => pipeline.createDeal(input)));
    },
    'deals.update': (input) => {
      const values = merged(pipeline.deal(input.id), input);
      companyExists(values.companyId);
      contactExists(values.contactId);
      pipeline.updateDeal(input.id, values);
      changed({ type: 'deal', id: input.id });
      return pipeline.deal(input.id);
    },
    'deals.delete': (input) => softDelete('deal', input.id, true, (id) => pipeline.deal(id)),
    'deals.restore': (input) => softDelete('deal', input.id, false, (id) => pipeline.deal(id)),

    'tickets.list': (input) => tickets.list(input),
    'tickets.get': (input) => tickets.get(input.id),
    'tickets.create': (input, ctx) => {
      contacts.contact(input.requesterId);
      agentExists(input.assigneeId);
      return tickets.get(create(ctx, 'ticket', input.messageId, () => tickets.create(input)));
    },
    'tickets.update': (input) => {
      if (input.requesterId !== undefined) contacts.contact(input.requesterId);
      if (input.assigneeId !== undefined) agentExists(input.assigneeId);
      tickets.update(input.id, input);
      changed({ type: 'ticket', id: input.id });
      return tickets.get(input.id);
    },
    'tickets.delete': (input) => softDelete('ticket', input.id, true, (id) => tickets.get(id)),
    'tickets.restore': (input) => softDelete('ticket', input.id, false, (id) => tickets.get(id)),
    'tickets.queues': () => ({ items: tickets.queues() }),

    'tasks.list': (input) => activities.tasks(input),
    'tasks.get': (input) => activities.task(input.id),
    'tasks.create': (input, ctx) => {
      agentExists(input.assigneeId);
      return activities.task(create(ctx, 'task', input.messageId, () => {
        const id = activities.createTask(input);
        relate(sqlite, 'task', id, input.related);
        return id;
      }));
    },
    'tasks.update': (input) => {
      const values = merged(activities.task(input.id), { ...input, related: undefined });
      agentExists(values.assigneeId);
      sqlite.transaction(() => {
        activities.updateTask(input.id, values);
        if (input.related) setRelated(sqlite, 'task', input.id, input.related);
      })();
      changed({ type: 'task', id: input.id });
      return activities.task(input.id);
    },
    'tasks.delete': (input) => softDelete('task', input.id, true, (id) => activities.task(id)),
    'tasks.restore': (input) => softDelete('task', input.id, false, (id) => activities.task(id)),
    'tasks.categories': () => ({ items: activities.taskCategories() }),

    'events.list': (input) => activities.events(input),
    'events.get': (input) => activities.event(input.id),
    'events.create': (input, ctx) =>
      activities.event(create(ctx, 'event', input.messageId, () => {
        const id = activities.createEvent(input);
        relate(sqlite, 'event', id, input.related);
        return id;
      })),
    'events.update': (input) => {
      const values = merged(activities.event(input.id), { ...input, related: undefined });
      if (values.endsAt && Date.parse(values.endsAt) < Date.parse(values.startsAt)) throw new EngineError('INVALID_INPUT', 'An event cannot end before it starts: change its end or its start.');
      sqlite.transaction(() => {
        activities.updateEvent(input.id, values);
        if (input.related) setRelated(sqlite, 'event', input.id, input.related);
      })();
      changed({ type: 'event', id: input.id });
      return activities.event(input.id);
    },
    'events.delete': (input) => softDelete('event', input.id, true, (id) => activities.event(id)),
    'events.restore': (input) => softDelete('event', input.id, false, (id) => activities.event(id)),

    'notes.list': (input, ctx) => {
      if (input.messageId !== undefined) readableOrKept(deps, input.messageId, ctx);
      return notes.list(input, ctx.agentId);
    },
    'notes.create': (input, ctx) => {
      if (input.messageId !== undefined) readableOrKept(deps, input.messageId, ctx);
      const id = sqlite.transaction(() => {
        const created = notes.create({ body: input.body, authorId: ctx.agentId, addresseeId: input.addresseeId, messageId: input.messageId ?? null });
        relate(sqlite, 'note', created, input.related);
        return created;
      })();
      deps.events.changed('notes', [id]);
      return notes.get(id, ctx.agentId);
    },
    'notes.markRead': (input, ctx) => {
      notes.markRead(input.id, ctx.agentId, input.read);
      deps.events.changed('notes', [input.id]);
      return notes.get(input.id, ctx.agentId);
    },
    'notes.delete': (input, ctx) => {
      notes.delete(input.id, ctx.agentId);
      deps.events.changed('notes', [input.id]);
      return notes.get(input.id, ctx.agentId);
    },

    'records.search': (input) => ({ items: searchRecords(sqlite, input) }),
    'records.timeline': (input, ctx) => {
      assertRecord(sqlite, input);
      return recordTimeline(deps, { tickets, activities, notes, pipeline }, ctx, input, input.limit, input.offset);
    },
    'records.relate': (input) => {
      assertRecord(sqlite, input.record);
      relate(sqlite, input.record.type, input.record.id, [input.to]);
      changed(input.record);
      changed(input.to);
      return { related: relatedOf(sqlite, input.record.type, [input.record.id]).get(input.record.id) ?? [] };
    },
    'records.unrelate': (input) => {
      assertRecord(sqlite, input.record);
      unrelate(sqlite, input.record.type, input.record.id, input.to);
      changed(input.record);
      changed(input.to);
      return { related: relatedOf(sqlite, input.record.type, [input.record.id]).get(input.record.id) ?? [] };
    },
  };

}
