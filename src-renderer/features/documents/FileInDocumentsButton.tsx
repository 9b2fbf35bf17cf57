import { useState } from 'react';
import type { AttachmentInfo } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { FileInDocumentsDialog } from './FileInDocumentsDialog.js';
import './documents.css';

/** An attachment's "File in documents…": the button, and its dialog while open. */
export function FileInDocumentsButton({ attachment, name }: { attachment: AttachmentInfo; name: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="attachment-save attachment-file-in"
        aria-label={t('documents.file.actionNamed', { name })}
        title={t('documents.file.actionNamed', { name })}
        onClick={() => setOpen(true)}
        data-testid="attachment-file-in-documents"
      >
        {t('documents.file.action')}
      </button>
      {open ? <FileInDocumentsDialog attachment={attachment} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
