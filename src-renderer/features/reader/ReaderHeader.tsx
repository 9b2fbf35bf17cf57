import { useIntl } from 'react-intl';
import type { Address, MessageDetail } from '../../../src-shared/contract/index.js';
import { formatAddress } from '../../../src-shared/domain/address.js';
import { formatLongDate } from '../../format/dates.js';
import { useT } from '../../i18n/use-t.js';
import { CrmLinksPanel } from '../crm-links/CrmLinksPanel.js';
import { ReaderActions } from './ReaderActions.js';

function people(list: readonly Address[]): string {
  return list.map(formatAddress).join(', ');
}

export function ReaderHeader({ detail }: { detail: MessageDetail }) {
  const t = useT();
  const intl = useIntl();
  const subject = detail.subject || t(detail.private ? 'messages.privateSubject' : 'messages.noSubject');
  // A private message shown to another agent arrives without its content; its source is withheld just the same.
  const withheld = detail.private && detail.html === null && detail.text === null;
  return (
    <header className="reader-header">
      <ReaderActions detail={detail} withheld={withheld} />
      <div className="reader-title-row">
        <h2 className="reader-subject" data-testid="reader-subject">
          {subject}
        </h2>
      </div>
      <dl className="reader-fields">
        <dt>{t('reader.from')}</dt>
        <dd data-testid="reader-from">{detail.from ? formatAddress(detail.from) : t('messages.unknownSender')}</dd>
        <dt>{t('reader.to')}</dt>
        <dd data-testid="reader-to">{detail.to.length > 0 ? people(detail.to) : t('reader.nobody')}</dd>
        {detail.cc.length > 0 ? (
          <>
            <dt>{t('reader.cc')}</dt>
            <dd data-testid="reader-cc">{people(detail.cc)}</dd>
          </>
        ) : null}
        <dt>{t('reader.date')}</dt>
        <dd data-testid="reader-date">
          {detail.date ? (
            <time dateTime={detail.date}>{formatLongDate(intl, detail.date)}</time>
          ) : (
            t('messages.noDate')
          )}
        </dd>
      </dl>
      <CrmLinksPanel key={detail.id} detail={detail} />
    </header>
  );
}
