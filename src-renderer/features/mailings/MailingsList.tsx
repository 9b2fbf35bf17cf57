import { useId } from 'react';
import { useIntl } from 'react-intl';
import { engine } from '../../api/engine.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useT } from '../../i18n/use-t.js';
import { shortDate } from '../crm/format.js';
import { STATE_KEYS } from './mailing-labels.js';
import { MailingProgress } from './MailingProgress.js';
import { openMailing } from './mailings-nav.js';
import { useMailingLive } from './use-mailing-live.js';

/** Every mailing the agent may see, newest first, each with its state and progress. */
export function MailingsList() {
  const t = useT();
  const intl = useIntl();
  const titleId = useId();
  const live = useMailingLive(() => engine().client.api.mailings.list({}), [], 'mailings');
  const items = live.data?.items;
  return (
    <section className="crmw-list" aria-labelledby={titleId} data-testid="mailings-list">
      <header className="crmw-list-header">
        <h1 id={titleId}>{t('mailings.section')}</h1>
      </header>
      <div className="crmw-table-scroll">
        <table className="crmw-table" aria-labelledby={titleId} aria-busy={items === undefined}>
          <colgroup>
            <col style={{ width: '36%' }} />
            <col style={{ width: '16%' }} />
            <col style={{ width: '30%' }} />
            <col style={{ width: '18%' }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('mailings.col.template')}</th>
              <th scope="col">{t('mailings.col.state')}</th>
              <th scope="col">{t('mailings.col.progress')}</th>
              <th scope="col">{t('mailings.col.started')}</th>
            </tr>
          </thead>
          <tbody>
            {items?.map((m) => (
              <tr
                key={m.id}
                className="crmw-row"
                data-testid="mailing-row"
                data-id={m.id}
                onClick={(e) => {
                  if (!(e.target instanceof HTMLElement && e.target.closest('button'))) openMailing(m.id);
                }}
              >
                <td>
                  <button type="button" className="crmw-open" onClick={() => openMailing(m.id)}>
                    {m.templateName}
                  </button>
                </td>
                <td>
                  <span className={`mailing-state mailing-state-${m.state}`} data-testid="mailing-row-state">
                    {t(STATE_KEYS[m.state])}
                  </span>
                </td>
                <td>
                  <MailingProgress mailing={m} />
                </td>
                <td>{shortDate(intl, m.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {items && items.length === 0 ? <EmptyState text={t('mailings.empty')} testId="mailings-empty" /> : null}
      </div>
    </section>
  );
}
