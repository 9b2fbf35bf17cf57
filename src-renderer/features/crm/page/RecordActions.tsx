import type { RecordRef } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { Icon } from '../../../components/Icon.js';
import { useT } from '../../../i18n/use-t.js';
import { reportError } from '../../../stores/error-store.js';
import { composeNew, composeToCompany } from '../../compose/compose-open.js';
import { deleteRecord, restoreRecord } from '../record-api.js';
import type { AnyRecord, RecordMap } from '../record-types.js';

export type Creating = 'task' | 'event' | 'ticket';

interface Props {
  record: RecordRef;
  value: AnyRecord;
  onEdit(): void;
  onCreate(type: Creating): void;
  onChanged(): void;
}

/** What can be done to the record as a whole: edit, write to it, delete or restore, and the records started from it. */
export function RecordActions({ record, value, onEdit, onCreate, onChanged }: Props) {
  const t = useT();
  const run = (action: Promise<unknown>) => void action.then(onChanged, reportError);
  const ticket = record.type === 'ticket' ? (value as RecordMap['ticket']) : null;
  return (
    <div className="crmw-record-actions" role="toolbar" aria-label={t('crm.record.actions')}>
      {value.deleted ? null : (
        <>
          <button type="button" className="button" aria-haspopup="dialog" onClick={onEdit} data-testid="crm-edit">
            {t('crm.record.edit')}
          </button>
          {record.type === 'contact' || record.type === 'company' || ticket ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                if (record.type === 'company') void composeToCompany(record.id);
                else composeNew({ contactId: ticket ? ticket.requesterId : record.id });
              }}
              data-testid="crm-send-email"
            >
              <Icon name="mail" />
              {t('compose.sendEmail')}
            </button>
          ) : null}
          {ticket ? (
            <button
              type="button"
              className="button"
              data-testid={ticket.status === 'open' ? 'crm-ticket-close' : 'crm-ticket-reopen'}
              onClick={() => run(engine().client.api.tickets.update({ id: ticket.id, status: ticket.status === 'open' ? 'closed' : 'open' }))}
            >
              {t(ticket.status === 'open' ? 'crm.ticket.close' : 'crm.ticket.reopen')}
            </button>
          ) : null}
          {record.type === 'contact' ? (
            <button type="button" className="button" aria-haspopup="dialog" onClick={() => onCreate('ticket')} data-testid="crm-new-ticket">
              <Icon name="plus" />
              {t('crm.record.newTicket')}
            </button>
          ) : null}
          <button type="button" className="button" aria-haspopup="dialog" onClick={() => onCreate('task')} data-testid="crm-new-task">
            <Icon name="plus" />
            {t('crm.record.newTask')}
          </button>
          <button type="button" className="button" aria-haspopup="dialog" onClick={() => onCreate('event')} data-testid="crm-new-event">
            <Icon name="calendar" />
            {t('crm.record.newEvent')}
          </button>
          <button type="button" className="button crmw-danger" onClick={() => run(deleteRecord(record))} data-testid="crm-delete">
            <Icon name="trash" />
            {t('crm.record.delete')}
          </button>
        </>
      )}
    </div>
  );
}

/** Said at the top of a deleted record's page, with the way back. */
export function DeletedBanner({ record, label, onChanged }: { record: RecordRef; label: string; onChanged(): void }) {
  const t = useT();
  return (
    <div className="banner crmw-deleted-banner" role="status" data-testid="crm-deleted-banner">
      <Icon name="trash" />
      <span className="banner-text">{label}</span>
      <button type="button" className="button" onClick={() => void restoreRecord(record).then(onChanged, reportError)} data-testid="crm-restore">
        {t('crm.record.restore')}
      </button>
    </div>
  );
}
