import type { Contact } from '../../../../src-shared/contract/index.js';
import { useT } from '../../../i18n/use-t.js';
import { AddressStates } from './AddressStates.js';
import { Facts } from './Facts.js';
import { RecordLink } from './RecordLink.js';

export function ContactDetails({ contact, reload }: { contact: Contact; reload(): void }) {
  const t = useT();
  return (
    <>
      <AddressStates contact={contact} onChanged={reload} />
      <Facts
        items={[
          [t('crm.field.company'), contact.companyId ? <RecordLink record={{ type: 'company', id: contact.companyId }} name={contact.companyName ?? ''} testId="crm-contact-company" /> : null],
          [t('crm.field.phones'), contact.phones.length ? <span className="crmw-lines">{contact.phones.join('\n')}</span> : null, 'crm-contact-phones'],
          [t('crm.field.notes'), contact.notes ? <span className="crmw-lines">{contact.notes}</span> : null],
        ]}
      />
    </>
  );
}
