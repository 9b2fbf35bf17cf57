import type { ReactNode } from 'react';
import type { IntlShape } from 'react-intl';
import type { RecordType } from '../../../../src-shared/contract/index.js';
import type { MessageKey } from '../../../i18n/catalogs.js';
import type { Translate } from '../../../i18n/use-t.js';
import { money, shortDate } from '../format.js';
import { recordName } from '../record-names.js';
import type { RecordMap } from '../record-types.js';
import { DEAL_STAGE_KEYS, LEAD_STATUS_KEYS, TASK_STATUS_KEYS, TICKET_STATUS_KEYS } from '../status-labels.js';

export interface CellContext {
  t: Translate;
  intl: IntlShape;
}

export interface Column<T> {
  key: string;
  label: MessageKey;
  /** The column whose cell is the link that opens the record. */
  primary?: true;
  /** Its share of the table's width: the name columns take the room, the short ones stay narrow. */
  weight: number;
  cell(record: T, ctx: CellContext): ReactNode;
}

const status = (text: string, tone: string) => <span className={`badge crmw-status crmw-status-${tone}`}>{text}</span>;

type Columns = { [T in RecordType]: Column<RecordMap[T]>[] };

export const COLUMNS: Columns = {
  contact: [
    { key: 'name', label: 'crm.field.name', primary: true, weight: 1.2, cell: (c) => recordName('contact', c) },
    { key: 'email', label: 'crm.field.email', weight: 1.2, cell: (c) => [c.email, c.email2].filter(Boolean).join(', ') },
    { key: 'company', label: 'crm.field.company', weight: 1, cell: (c) => c.companyName ?? '' },
    { key: 'phone', label: 'crm.field.phone', weight: 0.7, cell: (c) => c.phones[0] ?? '' },
  ],
  company: [
    { key: 'name', label: 'crm.field.name', primary: true, weight: 2, cell: (c) => c.name },
    { key: 'contacts', label: 'crm.field.contactsCount', weight: 0.5, cell: (c) => c.contacts },
  ],
  lead: [
    { key: 'name', label: 'crm.field.name', primary: true, weight: 1.2, cell: (l) => recordName('lead', l) },
    { key: 'company', label: 'crm.field.company', weight: 1, cell: (l) => l.companyName },
    { key: 'email', label: 'crm.field.email', weight: 1, cell: (l) => l.email ?? '' },
    { key: 'source', label: 'crm.field.source', weight: 0.6, cell: (l) => l.source },
    { key: 'status', label: 'crm.field.status', weight: 0.8, cell: (l, { t }) => status(t(LEAD_STATUS_KEYS[l.status]), l.status) },
  ],
  deal: [
    { key: 'title', label: 'crm.field.title', primary: true, weight: 1.5, cell: (d) => d.title },
    { key: 'company', label: 'crm.field.company', weight: 1, cell: (d) => d.companyName ?? '' },
    { key: 'amount', label: 'crm.field.amount', weight: 0.6, cell: (d, { intl }) => money(intl, d.amount, d.currency) },
    { key: 'stage', label: 'crm.field.stage', weight: 0.7, cell: (d, { t }) => status(t(DEAL_STAGE_KEYS[d.stage]), d.stage) },
  ],
  ticket: [
    { key: 'number', label: 'crm.field.number', weight: 0.5, cell: (k) => `#${k.number}` },
    { key: 'subject', label: 'crm.field.subject', primary: true, weight: 2, cell: (k) => k.subject },
    { key: 'status', label: 'crm.field.status', weight: 0.6, cell: (k, { t }) => status(t(TICKET_STATUS_KEYS[k.status]), k.status) },
    { key: 'requester', label: 'crm.field.requester', weight: 1, cell: (k) => k.requesterName },
    { key: 'queue', label: 'crm.field.queue', weight: 0.6, cell: (k) => k.queue },
    { key: 'assignee', label: 'crm.field.assignee', weight: 0.7, cell: (k) => k.assigneeName ?? '' },
  ],
  task: [
    { key: 'title', label: 'crm.field.title', primary: true, weight: 2, cell: (k) => k.title },
    { key: 'category', label: 'crm.field.category', weight: 0.6, cell: (k) => k.category },
    { key: 'due', label: 'crm.field.due', weight: 0.8, cell: (k, { intl }) => shortDate(intl, k.dueAt) },
    { key: 'status', label: 'crm.field.status', weight: 0.7, cell: (k, { t }) => status(t(TASK_STATUS_KEYS[k.status]), k.status) },
    { key: 'assignee', label: 'crm.field.assignee', weight: 0.7, cell: (k) => k.assigneeName ?? '' },
  ],
  event: [
    { key: 'title', label: 'crm.field.title', primary: true, weight: 2, cell: (e) => e.title },
    { key: 'starts', label: 'crm.field.startsAt', weight: 0.8, cell: (e, { intl }) => shortDate(intl, e.startsAt) },
    { key: 'ends', label: 'crm.field.endsAt', weight: 0.8, cell: (e, { intl }) => shortDate(intl, e.endsAt) },
    { key: 'location', label: 'crm.field.location', weight: 1, cell: (e) => e.location },
  ],
};
