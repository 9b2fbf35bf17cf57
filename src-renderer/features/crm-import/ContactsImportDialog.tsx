import { useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import { FileChooser } from './FileChooser.js';
import { PreviewPanel } from './PreviewPanel.js';
import { ReportPanel } from './ReportPanel.js';
import { useContactsImport } from './import-store.js';
import './crm-import.css';

/**
 * Import contacts in one dialog: choose a CSV or vCard file, check the preview (the mapping and options can be
 * changed, and the preview follows), import, read the report. Nothing is saved before "Import".
 */
export function ContactsImportDialog() {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const s = useContactsImport(useShallow((x) => ({ preview: x.preview, report: x.report, busy: x.busy, problem: x.problem })));
  const store = useContactsImport.getState();
  useModal(ref);

  const canImport = s.preview !== null && s.busy === null && s.preview.report.total > 0;
  return (
    <Modal dialogRef={ref} className="cimport-dialog" aria-labelledby={titleId} data-testid="contacts-import-dialog" onClose={store.close}>
      <h2 id={titleId}>{t('contactsImport.title')}</h2>
      <div className="cimport-body">
        {s.report ? (
          <ReportPanel report={s.report} />
        ) : (
          <>
            <FileChooser />
            {s.problem ? (
              <p className="dialog-problem" role="alert" data-testid="contacts-import-problem">
                {s.problem.key === 'tooLarge' ? t('contactsImport.file.tooLarge', { name: s.problem.name }) : s.problem.message}
              </p>
            ) : null}
            {s.busy ? (
              <p role="status" className="cimport-hint">
                {t(s.busy === 'reading' ? 'contactsImport.reading' : 'contactsImport.importing')}
              </p>
            ) : null}
            {s.preview ? <PreviewPanel preview={s.preview} busy={s.busy !== null} /> : null}
          </>
        )}
      </div>
      {/* Cancel, then the action, as every dialog has them; once the report shows, Close is all there is to do. */}
      <footer>
        <button type="button" className={s.report ? 'button button-primary' : 'button'} onClick={store.close} data-testid="contacts-import-close">
          {t(s.report ? 'contactsImport.close' : 'contactsImport.cancel')}
        </button>
        {s.report ? null : (
          <button type="button" className="button button-primary" aria-disabled={!canImport} onClick={() => canImport && void store.run()} data-testid="contacts-import-run">
            {t('contactsImport.import')}
          </button>
        )}
      </footer>
    </Modal>
  );
}
