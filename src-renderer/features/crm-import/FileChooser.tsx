import { useId } from 'react';
import { useT } from '../../i18n/use-t.js';
import { MAX_FILE_BYTES, readAsBase64 } from './file-data.js';
import { useContactsImport } from './import-store.js';

const ACCEPT = '.csv,.tsv,.txt,.vcf,.vcard,text/csv,text/vcard,text/x-vcard';

/** The file input: read here, in the page, and sent as bytes (the browser version has no path to give). */
export function FileChooser() {
  const t = useT();
  const id = useId();
  const hintId = useId();
  async function choose(file: File | undefined) {
    if (!file) return;
    const store = useContactsImport.getState();
    if (file.size > MAX_FILE_BYTES) return store.tooLarge(file.name);
    await store.choose({ name: file.name, data: await readAsBase64(file) });
  }
  return (
    <div className="cimport-file">
      <label htmlFor={id}>{t('contactsImport.file.label')}</label>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        aria-describedby={hintId}
        autoFocus
        onChange={(e) => void choose(e.target.files?.[0])}
        data-testid="contacts-import-file"
      />
      <p id={hintId} className="cimport-hint">
        {t('contactsImport.file.hint')}
      </p>
    </div>
  );
}
