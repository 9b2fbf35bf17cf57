import { useIntl } from 'react-intl';
import { DOCUMENT_RESTORE_DAYS, type DocumentFile } from '../../../src-shared/contract/index.js';
import { formatShortDate } from '../../format/dates.js';
import { useT } from '../../i18n/use-t.js';
import { folderLabel } from './folder-tree.js';

/** The record's deleted documents, restorable for DOCUMENT_RESTORE_DAYS: folded away until someone looks. */
export function DeletedDocuments({ files, onRestore }: { files: readonly DocumentFile[]; onRestore(file: DocumentFile): void }) {
  const t = useT();
  const intl = useIntl();
  if (files.length === 0) return null;
  const main = t('documents.main');
  return (
    <details className="documents-deleted" data-testid="documents-deleted">
      <summary>{t('documents.deleted', { count: files.length })}</summary>
      <p className="documents-hint">{t('documents.deleted.hint', { days: DOCUMENT_RESTORE_DAYS })}</p>
      <ul>
        {files.map((f) => (
          <li key={f.id} data-testid="documents-deleted-file" data-name={f.name}>
            <span className="documents-name">{f.name}</span>
            <span className="documents-hint">
              {folderLabel(f.folder, main)} · {t('documents.deleted.on', { date: formatShortDate(intl, f.deletedAt ?? f.createdAt) })}
            </span>
            <button type="button" className="link-button" aria-label={t('documents.restoreNamed', { name: f.name })} onClick={() => onRestore(f)} data-testid="documents-restore">
              {t('documents.restore')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
