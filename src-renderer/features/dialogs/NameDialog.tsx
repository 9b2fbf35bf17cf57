import { useId, useRef, useState } from 'react';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import type { DialogRequest } from '../../stores/dialog-store.js';

/** A folder's name: not empty, and without "/", which separates names in a path. */
export function NameDialog({ request }: { request: Extract<DialogRequest, { kind: 'name' }> }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const [name, setName] = useState(request.initial);
  useModal(ref);
  const trimmed = name.trim();
  const problem = trimmed.includes('/') ? t('dialog.name.slash') : null;
  const ok = trimmed !== '' && problem === null;
  return (
    <Modal dialogRef={ref} className="small-dialog" aria-labelledby={titleId} data-testid="name-dialog" onClose={() => request.resolve(null)}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) request.resolve(trimmed);
        }}
      >
        <h2 id={titleId}>{request.title}</h2>
        <label htmlFor={inputId}>{request.label}</label>
        <input
          id={inputId}
          className="input"
          autoFocus
          value={name}
          maxLength={255}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${inputId}-problem` : undefined}
          onChange={(e) => setName(e.target.value)}
          onFocus={(e) => e.target.select()}
          data-testid="name-input"
        />
        {problem ? (
          <p className="dialog-problem" id={`${inputId}-problem`} role="alert">
            {problem}
          </p>
        ) : null}
        <footer>
          <button type="button" className="button" onClick={() => request.resolve(null)} data-testid="name-cancel">
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={!ok} data-testid="name-ok">
            {request.confirmLabel}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
