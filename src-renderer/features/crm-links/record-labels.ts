import type { LinkReason, RecordType } from '../../../src-shared/contract/index.js';
import type { MessageKey } from '../../i18n/catalogs.js';

export const RECORD_TYPES: readonly RecordType[] = ['contact', 'company', 'lead', 'deal', 'ticket', 'task', 'event'];

export const TYPE_LABELS: Record<RecordType, MessageKey> = {
  contact: 'crmLinks.type.contact',
  company: 'crmLinks.type.company',
  lead: 'crmLinks.type.lead',
  deal: 'crmLinks.type.deal',
  ticket: 'crmLinks.type.ticket',
  task: 'crmLinks.type.task',
  event: 'crmLinks.type.event',
};

/** The badge on a link ("by address") and its tooltip, which says what made it. */
export const REASON_LABELS: Record<LinkReason, { badge: MessageKey; hint: MessageKey }> = {
  address: { badge: 'crmLinks.reason.address', hint: 'crmLinks.reasonHint.address' },
  thread: { badge: 'crmLinks.reason.thread', hint: 'crmLinks.reasonHint.thread' },
  manual: { badge: 'crmLinks.reason.manual', hint: 'crmLinks.reasonHint.manual' },
};
