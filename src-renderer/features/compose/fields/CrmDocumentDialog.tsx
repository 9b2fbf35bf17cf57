import { useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { DocumentFile, MessageLink, NamedRecord } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { Modal } from '../../../components/Modal.js';
import { useModal } from '../../../components/use-modal.js';
import { useT } from '../../../i18n/use-t.js';
import { attempt } from '../../documents/document-files.js';
import { folderLabel } from '../../documents/folder-tree.js';
import { RecordChoice } from '../../documents/RecordChoice.js';
import { formatBinarySize } from './attachment-size.js';

const named = (l: MessageLink): NamedRecord => ({ type: l.type, id: l.id, name: l.name });

/**
 * "From the CRM": the documents of a record — one the email is linked to (offered first), or any record found by
 * name — with a box to tick for each file; the ticked ones are attached as CRM documents (the engine sends their
 * stored bytes: nothing is copied here).
 */
export function CrmDocumentDialog({ links, onAttach, onClose }: { links: readonly MessageLink[]; onAttach(files: DocumentFile[]): void; onClose(): void }) {
  const t = useT();
  const intl = useIntl();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const linked = links.map(named);
  const [record, setRecord] = useState<NamedRecord | null>(linked[0] ?? null);
  const [files, setFiles] = useState<DocumentFile[] | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  useModal(ref);

  useEffect(() => {
    setFiles(null);
    setTicked(new Set());
    if (!record) return;
    let current = true;
    void attempt(() => engine().client.api.documents.list({ record: { type: record.type, id: record.id } })).then((listing) => {
      if (current) setFiles(listing?.files ?? []);
    });
    return () => {
      current = false;
    };
  }, [record?.type, record?.id]);

  const chosen = (files ?? []).filter((f) => ticked.has(f.id));
  const main = t('documents.main');

  return (
    <Modal dialogRef={ref} className="small-dialog cf-crm-dialog" aria-labelledby={titleId} data-testid="compose-crm-documents" onClose={onClose}>
      <h2 id={titleId}>{t('composeFields.crm.title')}</h2>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen.length === 0) return;
          onAttach(chosen);
        }}
      >
        <RecordChoice linked={linked} value={record} onChange={setRecord} />
        {record === null ? null : files === null ? (
          <p className="cf-hint" aria-busy="true">
            {t('composeFields.crm.loading')}
          </p>
        ) : files.length === 0 ? (
          <p className="cf-hint" data-testid="compose-crm-none">
            {t('composeFields.crm.none', { record: record.name })}
          </p>
        ) : (
          <fieldset className="cf-crm-files">
            <legend>{t('composeFields.crm.files', { record: record.name })}</legend>
            {files.map((f) => (
              <label key={f.id} className="cf-crm-file" data-testid="compose-crm-file" data-name={f.name}>
                <input
                  type="checkbox"
                  checked={ticked.has(f.id)}
                  onChange={(e) => {
                    const next = new Set(ticked);
                    if (e.target.checked) next.add(f.id);
                    else next.delete(f.id);
                    setTicked(next);
                  }}
                />
                <span className="cf-crm-file-name">{f.name}</span>
                <span className="cf-hint">
                  {folderLabel(f.folder, main)} · {formatBinarySize(intl, f.size)}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <footer>
          <button type="button" className="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={chosen.length === 0} data-testid="compose-crm-attach">
            {t('composeFields.crm.attach', { count: chosen.length })}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
