import type { Company } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { useT } from '../../../i18n/use-t.js';
import { recordName } from '../record-names.js';
import { useLive } from '../use-live.js';
import { Facts } from './Facts.js';
import { RecordLink } from './RecordLink.js';

/** A company's contacts (the first 500: a page, not a directory). */
async function contactsOf(company: Company) {
  return (await engine().client.api.contacts.list({ companyId: company.id, limit: 500 })).items;
}

export function CompanyDetails({ company }: { company: Company }) {
  const t = useT();
  const contacts = useLive(() => contactsOf(company), [company.id, company.name], ['contacts']).data;
  return (
    <>
      <Facts items={[[t('crm.field.notes'), company.notes ? <span className="crmw-lines">{company.notes}</span> : null]]} />
      <section className="crmw-subsection" aria-label={t('crm.company.contacts')}>
        <h2>{t('crm.company.contactsCount', { count: company.contacts })}</h2>
        {contacts && contacts.length > 0 ? (
          <ul className="crmw-plain-list" data-testid="crm-company-contacts">
            {contacts.map((c) => (
              <li key={c.id}>
                <RecordLink record={{ type: 'contact', id: c.id }} name={recordName('contact', c) || t('crm.unnamed')} />
                {c.email ? <span className="crmw-muted"> {c.email}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
