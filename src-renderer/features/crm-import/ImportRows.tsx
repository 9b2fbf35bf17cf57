import type { ImportedRow } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { rowDetails, rowName } from './row-text.js';

/** Rows as they will be (preview) or were (report) imported, each with its outcome and what to know about it. */
export function ImportRows({ rows, format, testId }: { rows: ImportedRow[]; format: 'csv' | 'vcard'; testId: string }) {
  const t = useT();
  return (
    <table className="cimport-table cimport-rows" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t(format === 'csv' ? 'contactsImport.col.row' : 'contactsImport.col.card')}</th>
          <th scope="col">{t('contactsImport.col.name')}</th>
          <th scope="col">{t('contactsImport.col.emails')}</th>
          <th scope="col">{t('contactsImport.col.phones')}</th>
          <th scope="col">{t('contactsImport.col.company')}</th>
          <th scope="col">{t('contactsImport.col.result')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const details = rowDetails(t, r);
          return (
            <tr key={r.row} data-row={r.row} data-outcome={r.outcome} className={`is-${r.outcome}`}>
              <td>{r.row}</td>
              <td>{rowName(r)}</td>
              <td>{r.emails.join(', ')}</td>
              <td>{r.phones.join(', ')}</td>
              <td>{r.company}</td>
              <td>
                <span className="cimport-outcome">{t(`contactsImport.outcome.${r.outcome}`)}</span>
                {details.length > 0 ? (
                  <ul className="cimport-details">
                    {details.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
