import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { formatLongDate } from '../../format/dates.js';
import { useT } from '../../i18n/use-t.js';
import { ReceiptRequestBar } from './ReceiptRequestBar.js';
import './receipts.css';

/**
 * What the reader says about receipts and delivery: for mail we sent, whether it bounced (for good or for now)
 * and when its recipient read it; for mail asking us for a read receipt, the question, never answered for the
 * person. Keyed by message (its parent is), so an answer's note never carries over to another message.
 */
export function ReceiptBars({ detail }: { detail: MessageDetail }) {
  const t = useT();
  const intl = useIntl();
  const [queued, setQueued] = useState(false);
  return (
    <>
      {detail.bounce === 'hard' ? (
        <div className="banner banner-error reader-banner receipts-bar" role="note" data-testid="receipts-bounce" data-bounce="hard">
          <span className="badge receipts-badge receipts-badge-hard">{t('receipts.notDelivered')}</span>
          <span className="banner-text">{t('receipts.notDeliveredHint')}</span>
        </div>
      ) : detail.bounce === 'soft' ? (
        <div className="banner reader-banner receipts-bar" role="note" data-testid="receipts-bounce" data-bounce="soft">
          <span className="badge receipts-badge receipts-badge-soft">{t('receipts.delayed')}</span>
          <span className="banner-text">{t('receipts.delayedHint')}</span>
        </div>
      ) : null}
      {detail.readByRecipientAt ? (
        <div className="banner reader-banner receipts-bar receipts-read" role="note" data-testid="receipts-read">
          <Icon name="check" />
          <span className="banner-text">
            {t('receipts.readOn', { date: formatLongDate(intl, detail.readByRecipientAt) })}
          </span>
        </div>
      ) : null}
      {detail.receiptRequested ? <ReceiptRequestBar detail={detail} onQueued={() => setQueued(true)} /> : null}
      {queued ? (
        <div className="banner reader-banner receipts-bar receipts-read" role="status" data-testid="receipts-queued">
          <Icon name="check" />
          <span className="banner-text">{t('receipts.queued')}</span>
        </div>
      ) : null}
    </>
  );
}
