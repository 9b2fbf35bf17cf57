import type { RecordType } from '../../../../src-shared/contract/index.js';
import { ContactsImportButton } from '../../crm-import/ContactsImportButton.js';
import { ListMailingAction } from '../../mailings/MailingActions.js';

/** What other features add to a section's toolbar: the contacts import, a mailing to the list. */
export function ListExtras({ type }: { type: RecordType }) {
  return (
    <>
      <ListMailingAction type={type} />
      {type === 'contact' ? <ContactsImportButton /> : null}
    </>
  );
}
