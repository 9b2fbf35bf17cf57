import { useId, useRef, useState } from 'react';
import type { DocumentFile, DocumentFolder } from '../../../src-shared/contract/index.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import { resolveFolder, type FolderValue } from './folder-choice.js';
import { FolderChoice } from './FolderChoice.js';

/** "Move…": the keyboard's way to do what dragging a file onto a folder does, and the way to a folder not made yet. */
export function MoveDocumentDialog({ file, folders, onMove, onClose }: { file: DocumentFile; folders: readonly DocumentFolder[]; onMove(path: string): void; onClose(): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [value, setValue] = useState<FolderValue>({ kind: 'existing', path: file.folder });
  useModal(ref);
  const resolved = resolveFolder(value, t);
  const ok = 'path' in resolved && resolved.path !== file.folder;
  return (
    <Modal dialogRef={ref} className="small-dialog" aria-labelledby={titleId} data-testid="document-move-dialog" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) onMove(resolved.path);
        }}
      >
        <h2 id={titleId}>{t('documents.move.title', { name: file.name })}</h2>
        <FolderChoice folders={folders} value={value} onChange={setValue} label={t('documents.file.folder')} />
        <footer>
          <button type="button" className="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={!ok} data-testid="document-move-ok">
            {t('documents.move.ok')}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
