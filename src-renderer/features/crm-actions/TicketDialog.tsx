import { useEffect, useState } from 'react';
import type { MessageDetail, RecordHit, Ticket } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { openRecord } from '../../stores/crm-nav-store.js';
import { CrmDialog } from './CrmDialog.js';
import { RecordSearch } from './RecordSearch.js';
import { RequesterField, type Person } from './RequesterField.js';
import { contactName } from './sender.js';
import { searchTickets, type TicketScope } from './ticket-search.js';
import { TicketFields } from './TicketFields.js';
import { useCorrespondent } from './use-correspondent.js';
import { useCrmSubmit } from './use-crm-submit.js';

interface Props {
  detail: MessageDetail;
  /** The ticket the email is in, if any: shown, with a way to move the email to another. */
  ticket: Ticket | null;
  /** In a message window there is no CRM workspace to open a ticket in. */
  canOpen: boolean;
  onClose(): void;
  /** Done: what to tell the agent. */
  onDone(outcome: string): void;
}

/**
 * "Ticket…": open a ticket from the email, or attach the email to an existing one found by its number or by words
 * within a scope. An email belongs to one ticket at most, so with one already it shows it and offers to move.
 */
export function TicketDialog({ detail, ticket, canOpen, onClose, onDone }: Props) {
  const t = useT();
  const corr = useCorrespondent(detail);
  const [moving, setMoving] = useState(false);
  const [mode, setMode] = useState<'new' | 'pick'>('new');
  const [subject, setSubject] = useState(detail.subject);
  const [requester, setRequester] = useState<Person | null>(null);
  const [queue, setQueue] = useState('');
  const [assigneeId, setAssigneeId] = useState<number | null>(null);
  const [scope, setScope] = useState<TicketScope>('open');
  const [chosen, setChosen] = useState<RecordHit | null>(null);
  const { problem, setProblem, busy, run } = useCrmSubmit(onDone);

  // The email's contact, once known, is the requester unless the agent chose someone already.
  useEffect(() => {
    if (corr.contact) setRequester((r) => r ?? { id: corr.contact!.id, name: contactName(corr.contact!) });
  }, [corr.contact]);

  const showing = ticket !== null && !moving;
  const picking = ticket !== null ? moving : mode === 'pick';

  const attach = (hit: RecordHit) =>
    run(async () => {
      const api = engine().client.api;
      if (ticket) {
        await api.links.remove({ messageId: detail.id, type: 'ticket', id: ticket.id });
        try {
          await api.links.add({ messageId: detail.id, type: 'ticket', id: hit.id });
        } catch (error) {
          // Not left without a ticket: back where it was, and the reason shown.
          await api.links.add({ messageId: detail.id, type: 'ticket', id: ticket.id }).catch(() => undefined);
          throw error;
        }
        return t('crmActions.ticket.moved', { name: hit.name });
      }
      await api.links.add({ messageId: detail.id, type: 'ticket', id: hit.id });
      return t('crmActions.ticket.attached', { name: hit.name });
    });

  const create = () => {
    if (!subject.trim()) return setProblem(t('crmActions.ticket.subjectMissing'));
    if (!requester) return setProblem(t('crmActions.ticket.requesterMissing'));
    return run(async () => {
      const created = await engine().client.api.tickets.create({
        subject: subject.trim(),
        requesterId: requester.id,
        ...(queue.trim() ? { queue: queue.trim() } : {}),
        assigneeId,
        messageId: detail.id,
      });
      return t('crmActions.ticket.created', { number: created.number });
    });
  };

  const submit = () => {
    if (showing) return onClose();
    if (picking) return chosen ? void attach(chosen) : setProblem(t('crmActions.ticket.pickMissing'));
    return void create();
  };

  const primary = showing ? null : picking ? (ticket ? 'crmActions.ticket.moveHere' : 'crmActions.ticket.attach') : 'crmActions.ticket.create';
  return (
    <CrmDialog
      title={t('crmActions.ticket.title')}
      testId="crm-ticket-dialog"
      onClose={onClose}
      onSubmit={submit}
      problem={problem}
      busy={busy}
      cancelLabel={t(showing ? 'crmActions.close' : 'crmActions.cancel')}
      submitLabel={primary ? t(primary) : null}
    >
      {ticket ? (
        <div className="crm-current" data-testid="crm-ticket-current">
          <p>
            {t('crmActions.ticket.current')} <strong data-testid="crm-ticket-current-name">#{ticket.number} {ticket.subject}</strong>{' '}
            <span className="badge badge-muted">{t(ticket.status === 'open' ? 'crmActions.ticket.open' : 'crmActions.ticket.closed')}</span>
          </p>
          <p className="crm-muted">{t('crmActions.ticket.currentDetail', { requester: ticket.requesterName, queue: ticket.queue })}</p>
          <p className="crm-row">
            {canOpen ? (
              <button
                type="button"
                className="button"
                autoFocus
                onClick={() => {
                  openRecord({ type: 'ticket', id: ticket.id });
                  onClose();
                }}
                data-testid="crm-ticket-open"
              >
                {t('crmActions.ticket.openIt')}
              </button>
            ) : null}
            {moving ? null : (
              <button type="button" className="button" onClick={() => setMoving(true)} data-testid="crm-ticket-move">
                {t('crmActions.ticket.move')}
              </button>
            )}
          </p>
        </div>
      ) : (
        <fieldset className="crm-choice">
          <legend className="visually-hidden">{t('crmActions.ticket.title')}</legend>
          <label>
            <input type="radio" name="ticket-mode" checked={mode === 'new'} onChange={() => setMode('new')} data-testid="crm-ticket-mode-new" />
            {t('crmActions.ticket.modeNew')}
          </label>
          <label>
            <input type="radio" name="ticket-mode" checked={mode === 'pick'} onChange={() => setMode('pick')} data-testid="crm-ticket-mode-pick" />
            {t('crmActions.ticket.modePick')}
          </label>
        </fieldset>
      )}
      {showing ? null : picking ? (
        <div className="crm-pick">
          <label className="crm-inline">
            {t('crmActions.ticket.scope')}
            <select value={scope} onChange={(e) => setScope(e.target.value as TicketScope)} data-testid="crm-ticket-scope">
              <option value="open">{t('crmActions.ticket.scopeOpen')}</option>
              <option value="sender" disabled={!corr.contact}>
                {t('crmActions.ticket.scopeSender')}
              </option>
              <option value="company" disabled={corr.companyId === null}>
                {t('crmActions.ticket.scopeCompany')}
              </option>
              <option value="all">{t('crmActions.ticket.scopeAll')}</option>
            </select>
          </label>
          <RecordSearch
            label={t('crmActions.ticket.search')}
            scope={`${scope}-${corr.contact?.id ?? 0}-${corr.companyId ?? 0}`}
            search={(query) => searchTickets(query, scope, { contactId: corr.contact?.id ?? null, companyId: corr.companyId, exceptId: ticket?.id ?? null })}
            chosen={chosen}
            onChoose={setChosen}
            onSubmit={(hit) => void attach(hit)}
            testId="crm-ticket-search"
          />
        </div>
      ) : (
        <>
          <RequesterField detail={detail} loading={corr.loading} value={requester} onChange={setRequester} label={t('crmActions.ticket.requester')} />
          <TicketFields subject={subject} onSubject={setSubject} queue={queue} onQueue={setQueue} assigneeId={assigneeId} onAssignee={setAssigneeId} />
        </>
      )}
    </CrmDialog>
  );
}
