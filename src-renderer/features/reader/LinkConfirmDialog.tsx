import { useId, useRef } from 'react';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import { openOutside, type LinkInfo } from './link-check.js';

interface LinkConfirmDialogProps {
  link: LinkInfo;
  onClose(): void;
}

/**
 * Asks before following a link that looks deceptive, naming both what it shows and where it goes (Thunderbird
 * asks the same). Cancel has the focus, so Enter alone opens nothing.
 */
export function LinkConfirmDialog({ link, onClose }: LinkConfirmDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useModal(ref);
  const text =
    link.warning === 'mismatch' && link.shown
      ? t('reader.link.confirmMismatch', { shown: link.shown, target: link.target })
      : t('reader.link.confirmHidden', { target: link.target });

  return (
    <Modal
      dialogRef={ref}
      role="alertdialog"
      className="reader-dialog link-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="link-dialog"
      onClose={onClose}
    >
      <header className="reader-dialog-header">
        <h2 id={titleId}>{t('reader.link.confirmTitle')}</h2>
      </header>
      <div className="reader-dialog-content">
        <p id={bodyId} className="link-dialog-text" data-testid="link-dialog-text">
          {text}
        </p>
      </div>
      <footer className="reader-dialog-footer">
        <span className="reader-dialog-spacer" />
        <button type="button" className="button" autoFocus onClick={onClose} data-testid="link-dialog-cancel">
          {t('reader.link.cancel')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            openOutside(link);
            onClose();
          }}
          data-testid="link-dialog-open"
        >
          {t('reader.link.open')}
        </button>
      </footer>
    </Modal>
  );
}
