import { useId, useRef } from 'react';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';

interface ReaderConfirmProps {
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onClose(): void;
  testId: string;
}

/**
 * A question before something that cannot be taken back (deleting for good) or that the app will not do itself
 * (opening a program). Cancel has the focus, so Enter alone does nothing irreversible.
 */
export function ReaderConfirm({ title, text, confirmLabel, cancelLabel, onConfirm, onClose, testId }: ReaderConfirmProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useModal(ref);
  return (
    <Modal
      dialogRef={ref}
      role="alertdialog"
      className="reader-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid={testId}
      onClose={onClose}
    >
      <header className="reader-dialog-header">
        <h2 id={titleId}>{title}</h2>
      </header>
      <div className="reader-dialog-content">
        <p id={bodyId} className="link-dialog-text">
          {text}
        </p>
      </div>
      <footer className="reader-dialog-footer">
        <span className="reader-dialog-spacer" />
        <button type="button" className="button" autoFocus onClick={onClose} data-testid={`${testId}-cancel`}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            onClose();
            onConfirm();
          }}
          data-testid={`${testId}-confirm`}
        >
          {confirmLabel}
        </button>
      </footer>
    </Modal>
  );
}
