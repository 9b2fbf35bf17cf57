import { useEffect, useId } from 'react';
import { engine } from '../../api/engine.js';
import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import { AssigneeSelect } from './AssigneeSelect.js';
import { useChoices } from './use-choices.js';

interface Props {
  subject: string;
  onSubject(subject: string): void;
  queue: string;
  onQueue(queue: string): void;
  assigneeId: number | null;
  onAssignee(id: number | null): void;
}

/** A new ticket's subject, queue (one in use, or a new one typed) and assignee. */
export function TicketFields({ subject, onSubject, queue, onQueue, assigneeId, onAssignee }: Props) {
  const t = useT();
  const listId = useId();
  const queues = useChoices(() => engine().client.api.tickets.queues());
  // The first queue the engine offers is its default.
  useEffect(() => {
    if (!queue && queues[0]) onQueue(queues[0]);
  }, [queues]);
  return (
    <>
      <Field label={t('crmActions.ticket.subject')}>
        {(control) => <input {...control} value={subject} maxLength={500} onChange={(e) => onSubject(e.target.value)} data-testid="crm-ticket-subject" />}
      </Field>
      <Field label={t('crmActions.ticket.queue')} hint={t('crmActions.ticket.queueHint')}>
        {(control) => <input {...control} list={listId} value={queue} maxLength={100} onChange={(e) => onQueue(e.target.value)} data-testid="crm-ticket-queue" />}
      </Field>
      <datalist id={listId}>
        {queues.map((q) => (
          <option key={q} value={q} />
        ))}
      </datalist>
      <AssigneeSelect value={assigneeId} onChange={onAssignee} testId="crm-ticket-assignee" />
    </>
  );
}
