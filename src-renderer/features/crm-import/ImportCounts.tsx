import type { ContactsImportReport } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';

/** What the import does (preview) or did (report), in counts; zeros are left out, except new contacts. */
export function ImportCounts({ report: r }: { report: ContactsImportReport }) {
  const t = useT();
  const counts = [
    ['created', r.created, t('contactsImport.count.created', { count: r.created })],
    ['merged', r.merged, t('contactsImport.count.merged', { count: r.merged })],
    ['unchanged', r.unchanged, t('contactsImport.count.unchanged', { count: r.unchanged })],
    ['skipped', r.skipped, t('contactsImport.count.skipped', { count: r.skipped })],
    ['companies', r.companiesCreated, t('contactsImport.count.companies', { count: r.companiesCreated })],
    ['linked', r.messagesLinked, t('contactsImport.count.linked', { count: r.messagesLinked })],
  ] as const;
  return (
    <ul className="cimport-counts" data-testid="contacts-import-counts">
      {counts
        .filter(([name, n]) => n > 0 || name === 'created')
        .map(([name, n, text]) => (
          <li key={name} data-count={name} data-value={n}>
            {text}
          </li>
        ))}
    </ul>
  );
}
