import { useIntl } from 'react-intl';
import type { Deal } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { useT } from '../../../i18n/use-t.js';
import { money } from '../format.js';
import { DEAL_STAGE_KEYS } from '../status-labels.js';
import { Facts } from './Facts.js';
import { InlineSelect } from './InlineSelect.js';
import { RecordLink } from './RecordLink.js';

/**
 * Every field of the deal as it is: deals.update fills the fields it is not given with the contract's defaults
 * (no company, no amount…), so a change of one field sends the others unchanged.
 */
const dealFields = (d: Deal) => ({ id: d.id, title: d.title, companyId: d.companyId, contactId: d.contactId, amount: d.amount, currency: d.currency, notes: d.notes });

export function DealDetails({ deal }: { deal: Deal }) {
  const t = useT();
  const intl = useIntl();
  return (
    <Facts
      items={[
        [
          t('crm.field.stage'),
          <InlineSelect
            label={t('crm.field.stage')}
            value={deal.stage}
            options={(Object.keys(DEAL_STAGE_KEYS) as Deal['stage'][]).map((s) => ({ value: s, label: t(DEAL_STAGE_KEYS[s]) }))}
            onSave={(stage) => engine().client.api.deals.update({ ...dealFields(deal), stage: stage as Deal['stage'] })}
            testId="crm-deal-stage"
          />,
        ],
        [t('crm.field.amount'), money(intl, deal.amount, deal.currency)],
        [t('crm.field.company'), deal.companyId ? <RecordLink record={{ type: 'company', id: deal.companyId }} name={deal.companyName ?? ''} /> : null],
        [t('crm.field.contact'), deal.contactId ? <RecordLink record={{ type: 'contact', id: deal.contactId }} name={deal.contactName ?? ''} /> : null],
        [t('crm.field.notes'), deal.notes ? <span className="crmw-lines">{deal.notes}</span> : null],
      ]}
    />
  );
}
