import type { Lead } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { useT } from '../../../i18n/use-t.js';
import { openRecord } from '../../../stores/crm-nav-store.js';
import { reportError } from '../../../stores/error-store.js';
import { LEAD_STATUS_KEYS } from '../status-labels.js';
import { Facts } from './Facts.js';
import { RecordLink } from './RecordLink.js';

export function LeadDetails({ lead }: { lead: Lead }) {
  const t = useT();
  return (
    <>
      {lead.contactId === null && !lead.deleted ? (
        <button
          type="button"
          className="button button-primary crmw-convert"
          data-testid="crm-lead-convert"
          onClick={() => {
            engine()
              .client.api.leads.convert({ id: lead.id })
              .then(({ contactId }) => openRecord({ type: 'contact', id: contactId }), reportError);
          }}
        >
          {t('crm.lead.convert')}
        </button>
      ) : null}
      <Facts
        items={[
          [t('crm.field.status'), <span className={`badge crmw-status crmw-status-${lead.status}`}>{t(LEAD_STATUS_KEYS[lead.status])}</span>],
          [t('crm.lead.contact'), lead.contactId ? <RecordLink record={{ type: 'contact', id: lead.contactId }} name={t('crm.lead.openContact')} testId="crm-lead-contact" /> : null],
          [t('crm.field.company'), lead.companyName],
          [t('crm.field.email'), lead.email],
          [t('crm.field.phone'), lead.phone],
          [t('crm.field.source'), lead.source],
          [t('crm.field.notes'), lead.notes ? <span className="crmw-lines">{lead.notes}</span> : null],
        ]}
      />
    </>
  );
}
