import type { Company, Contact, Deal, Event, Lead, RecordType, StoreTable, Task, Ticket } from '../../../src-shared/contract/index.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import type { CrmSection } from '../../stores/crm-nav-store.js';

/** What each kind of record is, as the engine returns it. */
export interface RecordMap {
  contact: Contact;
  company: Company;
  lead: Lead;
  deal: Deal;
  ticket: Ticket;
  task: Task;
  event: Event;
}
export type AnyRecord = RecordMap[RecordType];

/** Every kind of record, in the order pickers offer them. */
export const RECORD_TYPES: readonly RecordType[] = ['contact', 'company', 'lead', 'deal', 'ticket', 'task', 'event'];

/** The sections in the order the nav shows them. */
export const SECTIONS: readonly CrmSection[] = ['contact', 'company', 'lead', 'deal', 'ticket', 'task', 'event', 'notes', 'shared-addresses', 'mailings'];

export const SECTION_KEYS: Record<CrmSection, MessageKey> = {
  contact: 'crm.section.contact',
  company: 'crm.section.company',
  lead: 'crm.section.lead',
  deal: 'crm.section.deal',
  ticket: 'crm.section.ticket',
  task: 'crm.section.task',
  event: 'crm.section.event',
  notes: 'crm.section.notes',
  'shared-addresses': 'crm.section.sharedAddresses',
  mailings: 'mailings.section',
};

/** What each kind of record is called, everywhere: "Contact", "Ticket"… (`one`), and the titles "New contact",
 * "Edit contact" and "This contact is deleted". */
export const TYPE_KEYS: Record<RecordType, { one: MessageKey; create: MessageKey; edit: MessageKey; deleted: MessageKey }> = {
  contact: { one: 'crm.type.contact', create: 'crm.create.contact', edit: 'crm.edit.contact', deleted: 'crm.deleted.contact' },
  company: { one: 'crm.type.company', create: 'crm.create.company', edit: 'crm.edit.company', deleted: 'crm.deleted.company' },
  lead: { one: 'crm.type.lead', create: 'crm.create.lead', edit: 'crm.edit.lead', deleted: 'crm.deleted.lead' },
  deal: { one: 'crm.type.deal', create: 'crm.create.deal', edit: 'crm.edit.deal', deleted: 'crm.deleted.deal' },
  ticket: { one: 'crm.type.ticket', create: 'crm.create.ticket', edit: 'crm.edit.ticket', deleted: 'crm.deleted.ticket' },
  task: { one: 'crm.type.task', create: 'crm.create.task', edit: 'crm.edit.task', deleted: 'crm.deleted.task' },
  event: { one: 'crm.type.event', create: 'crm.create.event', edit: 'crm.edit.event', deleted: 'crm.deleted.event' },
};

export const TABLE_OF: Record<RecordType, StoreTable> = {
  contact: 'contacts',
  company: 'companies',
  lead: 'leads',
  deal: 'deals',
  ticket: 'tickets',
  task: 'tasks',
  event: 'events',
};

/** Every CRM table: a record page shows names from several of them (company, requester, related records). */
export const CRM_TABLES: readonly StoreTable[] = ['contacts', 'companies', 'leads', 'deals', 'tickets', 'tasks', 'events', 'notes'];
