import type { RecordType } from '../../../src-shared/contract/index.js';
import type { MessageKey } from '../../i18n/catalogs.js';

export const RECORD_TYPES: readonly RecordType[] = ['contact', 'company', 'lead', 'deal', 'ticket', 'task', 'event'];

export const RECORD_TYPE_LABELS: Record<RecordType, MessageKey> = {
  contact: 'documents.type.contact',
  company: 'documents.type.company',
  lead: 'documents.type.lead',
  deal: 'documents.type.deal',
  ticket: 'documents.type.ticket',
  task: 'documents.type.task',
  event: 'documents.type.event',
};
