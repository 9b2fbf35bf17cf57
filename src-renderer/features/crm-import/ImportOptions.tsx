import { useId } from 'react';
import { ImportEncoding } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { useContactsImport } from './import-store.js';

/** How to read the file (its encoding, detected but changeable) and what to do with contacts already there. */
export function ImportOptions({ encoding, disabled }: { encoding: ImportEncoding; disabled: boolean }) {
  const t = useT();
  const encodingId = useId();
  const hintId = useId();
  const existing = useContactsImport((s) => s.existing);
  const store = useContactsImport.getState();
  return (
    <div className="cimport-options">
      <div className="cimport-encoding">
        <label htmlFor={encodingId}>{t('contactsImport.encoding.label')}</label>
        <select
          id={encodingId}
          className="input"
          value={encoding}
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(e) => void store.setEncoding(e.target.value as ImportEncoding)}
          data-testid="contacts-import-encoding"
        >
          {ImportEncoding.options.map((e) => (
            <option key={e} value={e}>
              {t(`contactsImport.encoding.${e}`)}
            </option>
          ))}
        </select>
        <small id={hintId} className="cimport-hint">
          {t('contactsImport.encoding.hint')}
        </small>
      </div>
      <fieldset className="cimport-existing" disabled={disabled}>
        <legend>{t('contactsImport.existing.label')}</legend>
        {(['merge', 'skip'] as const).map((choice) => (
          <label key={choice}>
            <input type="radio" name="cimport-existing" value={choice} checked={existing === choice} onChange={() => void store.setExisting(choice)} data-testid={`contacts-import-existing-${choice}`} />
            {t(`contactsImport.existing.${choice}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
