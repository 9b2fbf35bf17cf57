import { useId } from 'react';
import { engine } from '../../../api/engine.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { useT } from '../../../i18n/use-t.js';
import { AddressQuestion } from '../../crm-links/AddressQuestion.js';
import { useLive } from '../use-live.js';

/**
 * Addresses several contacts share: mail from and to them is filed under none until someone says which contact each
 * one is — once, here, rather than email by email.
 */
export function SharedAddresses() {
  const t = useT();
  const titleId = useId();
  const live = useLive(() => engine().client.api.links.ambiguous({}), [], ['contacts'], 'shared');
  const items = live.data?.items ?? [];
  return (
    <section className="crmw-list" aria-labelledby={titleId} data-testid="crm-shared-addresses">
      <header className="crmw-list-header">
        <h1 id={titleId}>{t('crm.section.sharedAddresses')}</h1>
      </header>
      <p className="crmw-muted">{t('crm.sharedAddresses.explain')}</p>
      {live.data && items.length === 0 ? <EmptyState text={t('crm.sharedAddresses.none')} testId="crm-shared-none" /> : null}
      <ul className="crmw-shared-list">
        {items.map((q) => (
          <li key={q.address}>
            <AddressQuestion question={q} onSettled={live.reload} />
          </li>
        ))}
      </ul>
    </section>
  );
}
