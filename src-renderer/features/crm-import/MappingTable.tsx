import { ImportField, type ImportColumn } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { useContactsImport } from './import-store.js';

/** One line per CSV column: its header, a few of its values, and the field it goes to (changeable). */
export function MappingTable({ columns, disabled }: { columns: ImportColumn[]; disabled: boolean }) {
  const t = useT();
  return (
    <table className="cimport-table cimport-mapping" data-testid="contacts-import-mapping">
      <caption>{t('contactsImport.mapping.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('contactsImport.mapping.header')}</th>
          <th scope="col">{t('contactsImport.mapping.samples')}</th>
          <th scope="col">{t('contactsImport.mapping.field')}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => (
          <tr key={c.index} data-column={c.header} className={c.field === 'ignore' ? 'is-ignored' : undefined}>
            <th scope="row">{c.header}</th>
            <td className="cimport-samples">{c.samples.join(' · ')}</td>
            <td>
              <select
                className="input"
                value={c.field}
                disabled={disabled}
                aria-label={t('contactsImport.mapping.fieldFor', { header: c.header })}
                onChange={(e) => void useContactsImport.getState().setField(c.index, e.target.value as ImportField)}
                data-testid="contacts-import-field"
              >
                {ImportField.options.map((f) => (
                  <option key={f} value={f}>
                    {t(`contactsImport.field.${f}`)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
