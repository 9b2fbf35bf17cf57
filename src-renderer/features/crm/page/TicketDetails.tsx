import { useIntl } from 'react-intl';
import type { Input, Ticket } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { useT } from '../../../i18n/use-t.js';
import { useAgents } from '../../crm-actions/use-agents.js';
import { shortDate } from '../format.js';
import { TICKET_STATUS_KEYS } from '../status-labels.js';
import { useLive } from '../use-live.js';
import { Facts } from './Facts.js';
import { InlineSelect } from './InlineSelect.js';
import { RecordLink } from './RecordLink.js';

export function TicketDetails({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const intl = useIntl();
  const agents = useAgents().agents;
  const queues = useLive(() => engine().client.api.tickets.queues(), [], ['tickets']).data?.items ?? [];
  const update = (patch: Omit<Input<'tickets.update'>, 'id'>) => engine().client.api.tickets.update({ id: ticket.id, ...patch });
  const queueOptions = [...new Set([ticket.queue, ...queues])].map((q) => ({ value: q, label: q }));
  const agentOptions = [{ value: '', label: t('crm.nobody') }, ...agents.map((a) => ({ value: String(a.id), label: a.name }))];
  return (
    <Facts
      items={[
        [t('crm.field.status'), <span className={`badge crmw-status crmw-status-${ticket.status}`} data-testid="crm-ticket-status">{t(TICKET_STATUS_KEYS[ticket.status])}</span>],
        [t('crm.field.requester'), <RecordLink record={{ type: 'contact', id: ticket.requesterId }} name={ticket.requesterName} testId="crm-ticket-requester" />],
        [t('crm.field.company'), ticket.companyId ? <RecordLink record={{ type: 'company', id: ticket.companyId }} name={ticket.companyName ?? ''} /> : null],
        [t('crm.field.queue'), <InlineSelect label={t('crm.field.queue')} value={ticket.queue} options={queueOptions} onSave={(queue) => update({ queue })} testId="crm-ticket-queue" />],
        [
          t('crm.field.assignee'),
          <InlineSelect
            label={t('crm.field.assignee')}
            value={ticket.assigneeId ? String(ticket.assigneeId) : ''}
            options={agentOptions}
            onSave={(v) => update({ assigneeId: v ? Number(v) : null })}
            testId="crm-ticket-assignee"
          />,
        ],
        [t('crm.ticket.messages'), String(ticket.messages)],
        [t('crm.field.createdAt'), shortDate(intl, ticket.createdAt)],
        [t('crm.ticket.closedAt'), shortDate(intl, ticket.closedAt)],
      ]}
    />
  );
}
