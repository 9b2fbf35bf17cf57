import type { NamedRecord, RecordType } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { DEAL_STAGE_KEYS, LEAD_STATUS_KEYS, TASK_STATUS_KEYS } from '../status-labels.js';
import { agentId, nullable, recordId, refuse, text, type FormSpec, type FormValues } from './form-spec.js';
import { isoToLocalInput, localInputToIso, nextFullHour } from '../../crm-actions/local-datetime.js';
import { parseAmount, parsePhones } from './input-values.js';

const api = () => engine().client.api;
const named = (type: RecordType, id: number | null, name: string | null): NamedRecord | null => (id ? { type, id, name: name ?? '' } : null);
const agent = (id: number | null) => (id ? String(id) : '');

/** A datetime-local field: null when left empty. */
function date(values: FormValues, name: string): string | null {
  const typed = text(values, name);
  if (typed === '') return null;
  return localInputToIso(typed) ?? refuse(name, 'date');
}

const local = (iso: string | null | undefined) => (iso ? isoToLocalInput(iso) : '');

const contact: FormSpec<'contact'> = {
  fields: [
    { name: 'firstName', label: 'crm.field.firstName', kind: 'text', maxLength: 200 },
    { name: 'lastName', label: 'crm.field.lastName', kind: 'text', maxLength: 200 },
    { name: 'email', label: 'crm.field.email', kind: 'email' },
    { name: 'email2', label: 'crm.field.email2', kind: 'email' },
    { name: 'phones', label: 'crm.field.phones', kind: 'textarea', hint: 'crm.form.phonesHint' },
    { name: 'companyName', label: 'crm.field.company', kind: 'text', hint: 'crm.form.companyHint', maxLength: 200 },
    { name: 'notes', label: 'crm.field.notes', kind: 'textarea' },
  ],
  initial: (c) => ({
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    email: c?.email ?? '',
    email2: c?.email2 ?? '',
    phones: c?.phones.join('\n') ?? '',
    companyName: c?.companyName ?? '',
    notes: c?.notes ?? '',
  }),
  save(v, c) {
    const fields = {
      firstName: text(v, 'firstName'),
      lastName: text(v, 'lastName'),
      email: nullable(v, 'email'),
      email2: nullable(v, 'email2'),
      phones: parsePhones(text(v, 'phones')),
      notes: text(v, 'notes'),
    };
    const company = text(v, 'companyName');
    if (!c) return api().contacts.create({ ...fields, ...(company ? { companyName: company } : {}) });
    // A name typed finds or creates the company; the same name keeps it (named by id: an update's omitted fields
    // take the contract's defaults); an empty one takes the contact out of it.
    const companyChange = company === '' ? { companyId: null } : company === (c.companyName ?? '') ? { companyId: c.companyId } : { companyName: company };
    return api().contacts.update({ id: c.id, ...fields, ...companyChange });
  },
  crossField: { key: 'crm.form.contactNeedsName' },
};

const company: FormSpec<'company'> = {
  fields: [
    { name: 'name', label: 'crm.field.name', kind: 'text', required: true, maxLength: 200 },
    { name: 'notes', label: 'crm.field.notes', kind: 'textarea' },
  ],
  initial: (c) => ({ name: c?.name ?? '', notes: c?.notes ?? '' }),
  save(v, c) {
    const fields = { name: text(v, 'name'), notes: text(v, 'notes') };
    return c ? api().companies.update({ id: c.id, ...fields }) : api().companies.create(fields);
  },
};

const lead: FormSpec<'lead'> = {
  fields: [
    { name: 'firstName', label: 'crm.field.firstName', kind: 'text', maxLength: 200 },
    { name: 'lastName', label: 'crm.field.lastName', kind: 'text', maxLength: 200 },
    { name: 'companyName', label: 'crm.field.company', kind: 'text', maxLength: 200 },
    { name: 'email', label: 'crm.field.email', kind: 'email' },
    { name: 'phone', label: 'crm.field.phone', kind: 'text', maxLength: 50 },
    { name: 'source', label: 'crm.field.source', kind: 'text', hint: 'crm.form.sourceHint', maxLength: 200 },
    { name: 'status', label: 'crm.field.status', kind: 'select', options: LEAD_STATUS_KEYS },
    { name: 'notes', label: 'crm.field.notes', kind: 'textarea' },
  ],
  initial: (l) => ({
    firstName: l?.firstName ?? '',
    lastName: l?.lastName ?? '',
    companyName: l?.companyName ?? '',
    email: l?.email ?? '',
    phone: l?.phone ?? '',
    source: l?.source ?? '',
    status: l?.status ?? 'new',
    notes: l?.notes ?? '',
  }),
  save(v, l) {
    const status = text(v, 'status');
    const fields = {
      firstName: text(v, 'firstName'),
      lastName: text(v, 'lastName'),
      companyName: text(v, 'companyName'),
      email: nullable(v, 'email'),
      phone: text(v, 'phone'),
      source: text(v, 'source'),
      status: status in LEAD_STATUS_KEYS ? (status as keyof typeof LEAD_STATUS_KEYS) : 'new',
      notes: text(v, 'notes'),
    };
    return l ? api().leads.update({ id: l.id, ...fields }) : api().leads.create(fields);
  },
  crossField: { key: 'crm.form.leadNeedsName' },
};

const deal: FormSpec<'deal'> = {
  fields: [
    { name: 'title', label: 'crm.field.title', kind: 'text', required: true, maxLength: 500 },
    { name: 'companyId', label: 'crm.field.company', kind: 'record', types: ['company'] },
    { name: 'contactId', label: 'crm.field.contact', kind: 'record', types: ['contact'] },
    { name: 'amount', label: 'crm.field.amount', kind: 'amount' },
    { name: 'currency', label: 'crm.field.currency', kind: 'text', hint: 'crm.form.currencyHint', maxLength: 3 },
    { name: 'stage', label: 'crm.field.stage', kind: 'select', options: DEAL_STAGE_KEYS },
    { name: 'notes', label: 'crm.field.notes', kind: 'textarea' },
  ],
  initial: (d) => ({
    title: d?.title ?? '',
    companyId: named('company', d?.companyId ?? null, d?.companyName ?? null),
    contactId: named('contact', d?.contactId ?? null, d?.contactName ?? null),
    amount: d?.amount === null || d?.amount === undefined ? '' : String(d.amount),
    currency: d?.currency ?? 'EUR',
    stage: d?.stage ?? 'open',
    notes: d?.notes ?? '',
  }),
  save(v, d, ctx) {
    const amount = parseAmount(text(v, 'amount'), ctx.decimal);
    if (amount === undefined) refuse('amount', 'number');
    const stage = text(v, 'stage');
    const fields = {
      title: text(v, 'title'),
      companyId: recordId(v, 'companyId'),
      contactId: recordId(v, 'contactId'),
      amount,
      currency: text(v, 'currency').toUpperCase() || 'EUR',
      stage: stage in DEAL_STAGE_KEYS ? (stage as keyof typeof DEAL_STAGE_KEYS) : 'open',
      notes: text(v, 'notes'),
    };
    return d ? api().deals.update({ id: d.id, ...fields }) : api().deals.create(fields);
  },
};

const ticket: FormSpec<'ticket'> = {
  fields: [
    { name: 'subject', label: 'crm.field.subject', kind: 'text', required: true, maxLength: 500 },
    { name: 'requesterId', label: 'crm.field.requester', kind: 'record', types: ['contact'], required: true },
    { name: 'queue', label: 'crm.field.queue', kind: 'suggest', source: 'queues', required: true },
    { name: 'assigneeId', label: 'crm.field.assignee', kind: 'agent' },
  ],
  initial: (k) => ({
    subject: k?.subject ?? '',
    requesterId: named('contact', k?.requesterId ?? null, k?.requesterName ?? null),
    queue: k?.queue ?? 'Support',
    assigneeId: agent(k?.assigneeId ?? null),
  }),
  save(v, k) {
    const requesterId = recordId(v, 'requesterId') ?? refuse('requesterId', 'required');
    const fields = { subject: text(v, 'subject'), requesterId, queue: text(v, 'queue'), assigneeId: agentId(v, 'assigneeId') };
    return k ? api().tickets.update({ id: k.id, ...fields }) : api().tickets.create(fields);
  },
};

const task: FormSpec<'task'> = {
  fields: [
    { name: 'title', label: 'crm.field.title', kind: 'text', required: true, maxLength: 500 },
    { name: 'category', label: 'crm.field.category', kind: 'suggest', source: 'categories' },
    { name: 'status', label: 'crm.field.status', kind: 'select', options: TASK_STATUS_KEYS },
    { name: 'dueAt', label: 'crm.field.due', kind: 'datetime' },
    { name: 'assigneeId', label: 'crm.field.assignee', kind: 'agent' },
    { name: 'notes', label: 'crm.field.notes', kind: 'textarea' },
  ],
  initial: (k) => ({
    title: k?.title ?? '',
    category: k?.category ?? '',
    status: k?.status ?? 'todo',
    dueAt: local(k?.dueAt),
    assigneeId: agent(k?.assigneeId ?? null),
    notes: k?.notes ?? '',
  }),
  save(v, k, ctx) {
    const status = text(v, 'status');
    const fields = {
      title: text(v, 'title'),
      category: text(v, 'category'),
      status: status in TASK_STATUS_KEYS ? (status as keyof typeof TASK_STATUS_KEYS) : 'todo',
      dueAt: date(v, 'dueAt'),
      assigneeId: agentId(v, 'assigneeId'),
      notes: text(v, 'notes'),
    };
    return k ? api().tasks.update({ id: k.id, ...fields }) : api().tasks.create({ ...fields, related: ctx.related });
  },
};

const event: FormSpec<'event'> = {
  fields: [
    { name: 'title', label: 'crm.field.title', kind: 'text', required: true, maxLength: 500 },
    { name: 'startsAt', label: 'crm.field.startsAt', kind: 'datetime', required: true },
    { name: 'endsAt', label: 'crm.field.endsAt', kind: 'datetime' },
    { name: 'location', label: 'crm.field.location', kind: 'text', maxLength: 500 },
    { name: 'notes', label: 'crm.field.notes', kind: 'textarea' },
  ],
  initial: (e) => ({
    title: e?.title ?? '',
    startsAt: e ? local(e.startsAt) : nextFullHour(),
    endsAt: local(e?.endsAt),
    location: e?.location ?? '',
    notes: e?.notes ?? '',
  }),
  save(v, e, ctx) {
    const startsAt = date(v, 'startsAt') ?? refuse('startsAt', 'required');
    const fields = { title: text(v, 'title'), startsAt, endsAt: date(v, 'endsAt'), location: text(v, 'location'), notes: text(v, 'notes') };
    return e ? api().events.update({ id: e.id, ...fields }) : api().events.create({ ...fields, related: ctx.related });
  },
  crossField: { field: 'endsAt', key: 'crm.form.endBeforeStart' },
};

export const FORM_SPECS: { [T in RecordType]: FormSpec<T> } = { contact, company, lead, deal, ticket, task, event };
