import type { RecordType } from '../../../../src-shared/contract/index.js';
import { ContactsImportButton } from '../../crm-import/ContactsImportButton.js';

/** What other features add to a section's toolbar: the contacts import. */
export function ListExtras({ type }: { type: RecordType }) {
  return type === 'contact' ? <ContactsImportButton /> : null;
}
