import type { ContactsImportPreview } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { ImportCounts } from './ImportCounts.js';
import { ImportOptions } from './ImportOptions.js';
import { ImportRows } from './ImportRows.js';
import { MappingTable } from './MappingTable.js';
import { PREVIEW_ROWS } from './import-store.js';

/** The file as the engine read it: its options and mapping (changeable), then the import played without saving. */
export function PreviewPanel({ preview: p, busy }: { preview: ContactsImportPreview; busy: boolean }) {
  const t = useT();
  const r = p.report;
  return (
    <div className="cimport-preview" data-testid="contacts-import-preview" aria-busy={busy}>
      <p className="cimport-summary">{t(p.format === 'csv' ? 'contactsImport.summary.csv' : 'contactsImport.summary.vcard', { total: r.total })}</p>
      {r.fileWarnings.map((w) => (
        <p key={`${w.code}-${w.value}`} className="cimport-warning" role="alert">
          {t(`contactsImport.fileWarning.${w.code}`, { value: w.value })}
        </p>
      ))}
      <ImportOptions encoding={p.encoding} disabled={busy} />
      {p.columns.length > 0 ? <MappingTable columns={p.columns} disabled={busy} /> : null}
      <h3>{t('contactsImport.preview.title')}</h3>
      <ImportCounts report={r} />
      <ImportRows rows={r.rows} format={p.format} testId="contacts-import-preview-rows" />
      {r.total > PREVIEW_ROWS ? <p className="cimport-hint">{t('contactsImport.preview.more', { count: PREVIEW_ROWS })}</p> : null}
    </div>
  );
}
