import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';

/** Column titles; the rows carry their own labels for assistive technology, so this is for the eye. */
export function MessageListHeader({ total, found }: { total: number | null; found: { more: boolean } | null }) {
  const t = useT();
  let summary = '';
  if (total !== null) {
    if (found) summary = t(found.more ? 'search.foundMore' : 'search.found', { count: total });
    else summary = t('messages.count', { count: total });
  }
  return (
    <div className="message-list-top">
      <div className="message-list-summary" aria-live="polite" data-testid="message-list-summary">
        {summary}
      </div>
      <div className="message-row message-header" aria-hidden="true">
        <span className="col-direction" title={t('messages.column.direction')}>
          <Icon name="arrowIn" />
        </span>
        <span className="col-unread" title={t('messages.column.unread')}>
          <span className="unread-dot is-hollow" />
        </span>
        <span className="col-attachment" title={t('messages.column.attachment')}>
          <Icon name="paperclip" />
        </span>
        <span className="col-who">{t('messages.column.correspondent')}</span>
        <span className="col-subject">{t('messages.column.subject')}</span>
        <span className="col-date">{t('messages.column.date')}</span>
        <span className="col-size">{t('messages.column.size')}</span>
      </div>
    </div>
  );
}
