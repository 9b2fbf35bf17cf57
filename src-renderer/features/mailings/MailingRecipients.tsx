import { useId } from 'react';
import type { MailingRecipient } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { RecordLink } from '../crm/page/RecordLink.js';
import { REASON_KEYS, RECIPIENT_STATE_KEYS } from './mailing-labels.js';

/** A mailing's recipients as the engine lists them (the first 500), each with its state and, if skipped or failed, why. */
export function MailingRecipients({ recipients, total, cancelled }: { recipients: MailingRecipient[]; total: number; cancelled: boolean }) {
  const t = useT();
  const titleId = useId();
  const stateText = (r: MailingRecipient) => {
    if (cancelled && r.state === 'waiting') return t('mailings.recipient.notSent');
    const state = t(RECIPIENT_STATE_KEYS[r.state]);
    return r.reason ? `${state} — ${t(REASON_KEYS[r.reason])}` : state;
  };
  return (
    <section className="mailing-recipients" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('mailings.recipients')}
        {recipients.length < total ? <span className="crmw-muted"> · {t('mailings.recipientsFirst', { shown: recipients.length, total })}</span> : null}
      </h2>
      <div className="crmw-table-scroll">
        <table className="crmw-table" aria-labelledby={titleId}>
          <colgroup>
            <col style={{ width: '32%' }} />
            <col style={{ width: '32%' }} />
            <col style={{ width: '36%' }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('mailings.recipient.name')}</th>
              <th scope="col">{t('mailings.recipient.address')}</th>
              <th scope="col">{t('mailings.recipient.state')}</th>
            </tr>
          </thead>
          <tbody>
            {recipients.map((r, i) => (
              <tr key={i} data-testid="mailing-recipient" data-state={r.state} data-reason={r.reason ?? undefined}>
                <td>{r.record ? <RecordLink record={r.record} name={r.name || r.address || t('crm.unnamed')} /> : `${r.name} (${t('mailings.agent')})`}</td>
                <td>{r.address ?? ''}</td>
                <td className={`mailing-recipient-${r.state}`}>{stateText(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
