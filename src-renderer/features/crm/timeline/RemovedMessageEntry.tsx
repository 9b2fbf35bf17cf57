import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import type { RecordRef, RemovedMessage } from '../../../../src-shared/contract/index.js';
import { Icon } from '../../../components/Icon.js';
import { peopleNames, personName } from '../../../format/people.js';
import { useT } from '../../../i18n/use-t.js';
import { shortDate } from '../format.js';

/**
 * An email filed here and since deleted from the mailbox: the history keeps its text, which opens in place (there
 * is no message left to open in a window).
 */
export function RemovedMessageEntry({ message, record }: { message: RemovedMessage; record: RecordRef }) {
  const t = useT();
  const intl = useIntl();
  const textId = useId();
  const [open, setOpen] = useState(false);
  const inbound = message.direction === 'in';
  const secret = message.private && message.subject === '' && message.snippet === '';
  const reason = message.links.find((l) => l.type === record.type && l.id === record.id)?.reason;
  return (
    <>
      <button
        type="button"
        className="crmw-entry-main"
        aria-expanded={secret ? undefined : open}
        aria-controls={secret ? undefined : textId}
        disabled={secret}
        onClick={() => setOpen((o) => !o)}
        data-testid="crm-timeline-open"
      >
        <Icon name={inbound ? 'arrowIn' : 'arrowOut'} label={t(inbound ? 'crm.timeline.received' : 'crm.timeline.sent')} />
        {message.private ? <Icon name="lock" label={t('crm.timeline.private')} /> : null}
        <span className="crmw-entry-title" data-testid="crm-timeline-subject">
          {secret ? t('crm.timeline.privateMessage') : message.subject || t('crm.timeline.noSubject')}
        </span>
        {secret ? null : <span className="crmw-entry-who">{inbound ? (message.from ? personName(message.from) : '') : peopleNames(message.to)}</span>}
        <span className="badge badge-muted" title={t('crm.timeline.removedHint', { date: shortDate(intl, message.removedAt) })}>
          {t('crm.timeline.removed')}
        </span>
        {reason && reason !== 'address' ? <span className="badge badge-muted">{t(reason === 'thread' ? 'crm.timeline.reason.thread' : 'crm.timeline.reason.manual')}</span> : null}
        <span className="crmw-entry-date">{message.date ? shortDate(intl, message.date) : ''}</span>
      </button>
      {open && !secret ? (
        <p id={textId} className="crmw-removed-text crmw-lines">
          {message.text ?? message.snippet}
        </p>
      ) : null}
    </>
  );
}
