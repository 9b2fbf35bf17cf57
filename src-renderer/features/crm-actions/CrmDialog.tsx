import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';

interface Props {
  title: string;
  testId: string;
  onClose(): void;
  onSubmit(): void;
  /** What the engine or the form refused, shown above the buttons and announced. */
  problem: string | null;
  /** The submit button's words; null when there is nothing to submit (only the cancel button, then). */
  submitLabel: string | null;
  /** Defaults to "Cancel". */
  cancelLabel?: string;
  /** A request is under way: the submit button says so to assistive technology. */
  busy: boolean;
  children: ReactNode;
}

/** The frame of every dialog of the CRM menu: a form (Enter submits), its content scrolling, a problem line, buttons. */
export function CrmDialog({ title, testId, onClose, onSubmit, problem, submitLabel, cancelLabel, busy, children }: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModal(ref);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal dialogRef={ref} className="crm-dialog" aria-labelledby={titleId} data-testid={testId} onClose={onClose}>
      <form className="crm-dialog-form" onSubmit={submit} noValidate>
        <header className="crm-dialog-header">
          <h2 id={titleId}>{title}</h2>
        </header>
        <div className="crm-dialog-content">{children}</div>
        <footer className="crm-dialog-footer">
          <p className="crm-dialog-problem" role="alert" data-testid="crm-dialog-problem">
            {problem}
          </p>
          <button type="button" className="button" onClick={onClose} data-testid="crm-dialog-cancel">
            {cancelLabel ?? t('crmActions.cancel')}
          </button>
          {submitLabel !== null ? (
            <button type="submit" className="button button-primary" aria-disabled={busy} data-testid="crm-dialog-ok">
              {submitLabel}
            </button>
          ) : null}
        </footer>
      </form>
    </Modal>
  );
}
