import { useEffect, useId, useRef, useState } from 'react';
import { AlreadyFiled, ContractError, type AttachmentInfo, type DocumentFolder, type NamedRecord, type Output } from '../../../src-shared/contract/index.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { openRecord } from '../../stores/crm-nav-store.js';
import { reportError } from '../../stores/error-store.js';
import { attempt, openDocument } from './document-files.js';
import { resolveFolder, type FolderValue } from './folder-choice.js';
import { folderLabel } from './folder-tree.js';
import { FolderChoice } from './FolderChoice.js';
import { RecordChoice } from './RecordChoice.js';

type Start = Output<'documents.forAttachment'>;

/** Where the file is now: filed just now, or already there (the same attachment, filed before under that name). */
interface Outcome {
  id: number;
  name: string;
  folder: string;
  record: NamedRecord;
  already: boolean;
}

/** The document an attachment already is, when the engine refused to file it again. */
function alreadyFiled(error: unknown): AlreadyFiled | null {
  if (!(error instanceof ContractError) || error.code !== 'CONFLICT') return null;
  const details = AlreadyFiled.safeParse(error.details);
  return details.success ? details.data : null;
}

/**
 * "File in documents…": the record (by default the one the email is filed under), the folder (one of the record's,
 * or a new path) and the name; then it says where the file went. The file is not copied: the document names the
 * attachment's stored bytes.
 */
export function FileInDocumentsDialog({ attachment, onClose }: { attachment: AttachmentInfo; onClose(): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const nameId = useId();
  const [start, setStart] = useState<Start | null>(null);
  const [record, setRecord] = useState<NamedRecord | null>(null);
  const [folders, setFolders] = useState<readonly DocumentFolder[]>([]);
  const [folder, setFolder] = useState<FolderValue>({ kind: 'existing', path: '' });
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<Outcome | null>(null);
  useModal(ref);

  useEffect(() => {
    void attempt(() => engine().client.api.documents.forAttachment({ attachmentId: attachment.id })).then((answer) => {
      if (!answer) return onClose();
      setStart(answer);
      setName(answer.name);
      setRecord(answer.records[0] ?? null);
    });
  }, [attachment.id]);

  // The chosen record's folders; the choice starts again at its main folder.
  useEffect(() => {
    setFolders([]);
    setFolder({ kind: 'existing', path: '' });
    if (!record) return;
    let current = true;
    void attempt(() => engine().client.api.documents.list({ record: { type: record.type, id: record.id } })).then((listing) => {
      if (current && listing) setFolders(listing.folders);
    });
    return () => {
      current = false;
    };
  }, [record?.type, record?.id]);

  const main = t('documents.main');
  const resolved = resolveFolder(folder, t);
  const ready = record !== null && 'path' in resolved && name.trim() !== '' && !busy;

  async function submit() {
    if (!ready || !('path' in resolved)) return;
    setBusy(true);
    try {
      const file = await engine().client.api.documents.fileAttachment({ attachmentId: attachment.id, record: { type: record.type, id: record.id }, folder: resolved.path, name: name.trim() });
      setFiled({ id: file.id, name: file.name, folder: file.folder, record, already: false });
    } catch (error) {
      const twin = alreadyFiled(error);
      if (twin) setFiled({ id: twin.documentId, name: twin.name, folder: twin.folder, record, already: true });
      else reportError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal dialogRef={ref} className="small-dialog file-in-documents" aria-labelledby={titleId} aria-busy={start === null} data-testid="file-in-documents-dialog" onClose={onClose}>
      <h2 id={titleId}>{t('documents.file.title', { name: start?.name ?? attachment.filename })}</h2>
      {filed ? (
        <>
          <p role="status" data-testid="file-in-documents-done" data-already={filed.already || undefined}>
            {t(filed.already ? 'documents.file.already' : 'documents.file.done', { name: filed.name, folder: folderLabel(filed.folder, main), record: filed.record.name })}
          </p>
          <footer>
            {filed.already ? (
              <button type="button" className="button" onClick={() => void openDocument(filed.id)} data-testid="file-in-documents-open-file">
                {t('documents.file.openFile')}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={() => {
                openRecord({ type: filed.record.type, id: filed.record.id });
                onClose();
              }}
              data-testid="file-in-documents-open-record"
            >
              {t('documents.file.openRecord')}
            </button>
            <button type="button" className="button button-primary" autoFocus onClick={onClose} data-testid="file-in-documents-close">
              {t('documents.close')}
            </button>
          </footer>
        </>
      ) : start ? (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <RecordChoice linked={start.records} value={record} onChange={setRecord} />
          {record ? (
            <FolderChoice folders={folders} value={folder} onChange={setFolder} label={t('documents.file.folder')} />
          ) : (
            <p className="documents-hint">{t('documents.file.chooseRecord')}</p>
          )}
          <label htmlFor={nameId}>{t('documents.file.name')}</label>
          <input id={nameId} className="input" value={name} maxLength={255} onChange={(e) => setName(e.target.value)} data-testid="file-in-documents-name" />
          <footer>
            <button type="button" className="button" onClick={onClose}>
              {t('dialog.cancel')}
            </button>
            <button type="submit" className="button button-primary" aria-disabled={!ready} data-testid="file-in-documents-ok">
              {t('documents.file.ok')}
            </button>
          </footer>
        </form>
      ) : null}
    </Modal>
  );
}
