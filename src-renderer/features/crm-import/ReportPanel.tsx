import type { ContactsImportReport } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { ImportCounts } from './ImportCounts.js';
import { ImportRows } from './ImportRows.js';

/** What the import did: the counts, then every row worth a look (skipped, merged, or with something left out). */
export function ReportPanel({ report: r }: { report: ContactsImportReport }) {
  const t = useT();
  const notable = r.rows.filter((row) => row.outcome === 'skipped' || row.outcome === 'merged' || row.warnings.length > 0);
  return (
    <div className="cimport-report" data-testid="contacts-import-report">
      <p role="status">{t('contactsImport.report.title')}</p>
      <ImportCounts report={r} />
      {notable.length > 0 ? (
        <>
          <h3>{t('contactsImport.report.details')}</h3>
          <ImportRows rows={notable} format={r.format} testId="contacts-import-report-rows" />
        </>
      ) : null}
    </div>
  );
}
