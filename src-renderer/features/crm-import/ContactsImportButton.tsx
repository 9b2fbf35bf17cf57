import { useT } from '../../i18n/use-t.js';
import { ContactsImportDialog } from './ContactsImportDialog.js';
import { useContactsImport } from './import-store.js';

/** The contacts list's "Import…" button and the dialog it opens. */
export function ContactsImportButton() {
  const t = useT();
  const open = useContactsImport((s) => s.open);
  return (
    <>
      <button type="button" className="button" onClick={() => useContactsImport.getState().show()} data-testid="contacts-import-open">
        {t('contactsImport.open')}
      </button>
      {open ? <ContactsImportDialog /> : null}
    </>
  );
}
