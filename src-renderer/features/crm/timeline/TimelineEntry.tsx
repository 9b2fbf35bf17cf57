import { useIntl } from 'react-intl';
import type { MessageSummary, RecordRef, TimelineItem } from '../../../../src-shared/contract/index.js';
import { missingCase } from '../../../../src-shared/domain/exhaustive.js';
import { Icon } from '../../../components/Icon.js';
import { peopleNames, personName } from '../../../format/people.js';
import { useT } from '../../../i18n/use-t.js';
import { openRecord } from '../../../stores/crm-nav-store.js';
import { openMessageWindow } from '../../reader/message-window.js';
import { money, shortDate } from '../format.js';
import { DEAL_STAGE_KEYS, TASK_STATUS_KEYS, TICKET_STATUS_KEYS } from '../status-labels.js';
import { NoteBody } from './NoteBody.js';
import { RemovedMessageEntry } from './RemovedMessageEntry.js';

/** A private email of another agent arrives without its subject and text: it shows that it exists, nothing more. */
const hidden = (m: MessageSummary) => m.private && m.subject === '' && m.snippet === '';

function MessageEntry({ message, record }: { message: MessageSummary; record: RecordRef }) {
  const t = useT();
  const intl = useIntl();
  const inbound = message.direction === 'in';
  const correspondent = inbound ? (message.from ? personName(message.from) : '') : peopleNames(message.to);
  const reason = message.links.find((l) => l.type === record.type && l.id === record.id)?.reason;
  const secret = hidden(message);
  return (
    <button
      type="button"
      className="crmw-entry-main"
      disabled={secret}
      onClick={() => openMessageWindow(message.id)}
      data-testid="crm-timeline-open"
      title={secret ? undefined : t('crm.timeline.openMessage')}
    >
      <Icon name={inbound ? 'arrowIn' : 'arrowOut'} label={t(inbound ? 'crm.timeline.received' : 'crm.timeline.sent')} />
      {message.private ? <Icon name="lock" label={t('crm.timeline.private')} /> : null}
      <span className="crmw-entry-title" data-testid="crm-timeline-subject">
        {secret ? t('crm.timeline.privateMessage') : message.subject || t('crm.timeline.noSubject')}
      </span>
      {secret ? null : <span className="crmw-entry-who">{correspondent}</span>}
      {reason && reason !== 'address' ? (
        <span className="badge badge-muted" data-testid="crm-timeline-reason">
          {t(reason === 'thread' ? 'crm.timeline.reason.thread' : 'crm.timeline.reason.manual')}
        </span>
      ) : null}
      <span className="crmw-entry-date">{message.date ? shortDate(intl, message.date) : ''}</span>
    </button>
  );
}

function RecordEntry({ record, label, title, detail, date }: { record: RecordRef; label: string; title: string; detail: string; date: string }) {
  return (
    <button type="button" className="crmw-entry-main" onClick={() => openRecord(record)} data-testid="crm-timeline-open">
      <span className="crmw-entry-kind">{label}</span>
      <span className="crmw-entry-title" data-testid="crm-timeline-subject">
        {title}
      </span>
      <span className="crmw-entry-who">{detail}</span>
      <span className="crmw-entry-date">{date}</span>
    </button>
  );
}

/** One line of a record's history. */
export function TimelineEntry({ item, record }: { item: TimelineItem; record: RecordRef }) {
  const t = useT();
  const intl = useIntl();
  const date = item.date ? shortDate(intl, item.date) : '';
  switch (item.kind) {
    case 'message':
      return <MessageEntry message={item.message} record={record} />;
    case 'removed-message':
      return <RemovedMessageEntry message={item.message} record={record} />;
    case 'ticket': {
      const k = item.ticket;
      return <RecordEntry record={{ type: 'ticket', id: k.id }} label={t('crm.type.ticket')} title={`#${k.number} ${k.subject}`} detail={t(TICKET_STATUS_KEYS[k.status])} date={date} />;
    }
    case 'task': {
      const k = item.task;
      const due = k.dueAt ? t('crm.timeline.due', { date: shortDate(intl, k.dueAt) }) : '';
      return <RecordEntry record={{ type: 'task', id: k.id }} label={t('crm.type.task')} title={k.title} detail={[t(TASK_STATUS_KEYS[k.status]), due].filter(Boolean).join(' · ')} date={date} />;
    }
    case 'event': {
      const e = item.event;
      return <RecordEntry record={{ type: 'event', id: e.id }} label={t('crm.type.event')} title={e.title} detail={[shortDate(intl, e.startsAt), e.location].filter(Boolean).join(' · ')} date={date} />;
    }
    case 'deal': {
      const d = item.deal;
      return <RecordEntry record={{ type: 'deal', id: d.id }} label={t('crm.type.deal')} title={d.title} detail={[t(DEAL_STAGE_KEYS[d.stage]), money(intl, d.amount, d.currency)].filter(Boolean).join(' · ')} date={date} />;
    }
    case 'note':
      return <NoteBody note={item.note} />;
    default:
      return missingCase(item);
  }
}
