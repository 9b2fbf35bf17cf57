import { memo, type CSSProperties } from 'react';
import { useIntl } from 'react-intl';
import type { MessageSummary } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { formatShortDate } from '../../format/dates.js';
import { peopleNames, personName } from '../../format/people.js';
import { formatSize } from '../../format/size.js';
import { useT } from '../../i18n/use-t.js';

interface Props {
  message: MessageSummary;
  index: number;
  selected: boolean;
  style: CSSProperties;
  onSelect(index: number): void;
}

export const rowId = (id: number): string => `message-row-${id}`;

export const MessageRow = memo(function MessageRow({ message: m, index, selected, style, onSelect }: Props) {
  const t = useT();
  const intl = useIntl();
  const unread = !m.flags.seen;
  const outgoing = m.direction === 'out';
  const who = outgoing
    ? t('messages.toNames', { names: peopleNames(m.to) })
    : m.from
      ? personName(m.from)
      : t('messages.unknownSender');
  const subject = m.subject || t(m.private ? 'messages.privateSubject' : 'messages.noSubject');

  return (
    <div
      role="option"
      id={rowId(m.id)}
      aria-selected={selected}
      className={`message-row${selected ? ' is-selected' : ''}${unread ? ' is-unread' : ''}`}
      style={style}
      data-testid="message-row"
      data-id={m.id}
      data-unread={unread}
      data-index={index}
      onClick={() => onSelect(index)}
    >
      <span className="col-direction">
        <Icon name={outgoing ? 'arrowOut' : 'arrowIn'} label={t(outgoing ? 'messages.outgoing' : 'messages.incoming')} />
      </span>
      <span className="col-unread">
        {unread ? <span className="unread-dot" role="img" aria-label={t('messages.unread')} /> : null}
      </span>
      <span className="col-attachment">
        {m.hasAttachments ? <Icon name="paperclip" label={t('messages.hasAttachments')} /> : null}
      </span>
      <span className="col-who" title={who}>
        {who}
      </span>
      <span className="col-subject" title={subject}>
        {subject}
      </span>
      <span className="col-date">{m.date ? formatShortDate(intl, m.date) : t('messages.noDate')}</span>
      <span className="col-size">{formatSize(intl, m.size)}</span>
    </div>
  );
});

/** Stands in for a row whose page is still on its way, at the same height so the scrollbar does not jump. */
export function PlaceholderRow({ style }: { style: CSSProperties }) {
  const t = useT();
  return (
    <div role="option" aria-selected={false} aria-busy="true" className="message-row is-placeholder" style={style}>
      <span className="col-subject">{t('messages.rowLoading')}</span>
    </div>
  );
}
