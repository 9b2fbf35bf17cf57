import type { Deal, Lead, Task, Ticket } from '../../../src-shared/contract/index.js';
import type { MessageKey } from '../../i18n/catalogs.js';

export const TICKET_STATUS_KEYS: Record<Ticket['status'], MessageKey> = {
  open: 'crm.ticket.status.open',
  closed: 'crm.ticket.status.closed',
};

export const TASK_STATUS_KEYS: Record<Task['status'], MessageKey> = {
  todo: 'crm.task.status.todo',
  doing: 'crm.task.status.doing',
  done: 'crm.task.status.done',
};

export const LEAD_STATUS_KEYS: Record<Lead['status'], MessageKey> = {
  new: 'crm.lead.status.new',
  qualified: 'crm.lead.status.qualified',
  lost: 'crm.lead.status.lost',
  converted: 'crm.lead.status.converted',
};

export const DEAL_STAGE_KEYS: Record<Deal['stage'], MessageKey> = {
  open: 'crm.deal.stage.open',
  won: 'crm.deal.stage.won',
  lost: 'crm.deal.stage.lost',
};
