import { useId, useRef } from 'react';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import type { DialogRequest } from '../../stores/dialog-store.js';

/** Cancel has the focus, so Enter alone never confirms something that cannot be undone. */
export function ConfirmDialog({ request }: { request: Extract<DialogRequest, { kind: 'confirm' }> }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useModal(ref);
  return (
    <Modal
      dialogRef={ref}
      role="alertdialog"
      className="small-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="confirm-dialog"
      onClose={() => request.resolve(false)}
    >
      <h2 id={titleId}>{request.title}</h2>
      <p id={bodyId}>{request.body}</p>
      <footer>
        <button type="button" className="button" autoFocus onClick={() => request.resolve(false)} data-testid="confirm-cancel">
          {t('dialog.cancel')}
        </button>
        <button
          type="button"
          className={`button ${request.danger ? 'button-danger' : 'button-primary'}`}
          onClick={() => request.resolve(true)}
          data-testid="confirm-ok"
        >
          {request.confirmLabel}
        </button>
      </footer>
    </Modal>
  );
}
