import { useEffect, useId, useRef } from 'react';
import { Icon } from '../../components/Icon.js';
import { tabbables } from '../../components/focus.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import { AddressStep } from './AddressStep.js';
import { PasswordStep } from './PasswordStep.js';
import { ResultsStep } from './ResultsStep.js';
import { SettingsStep } from './SettingsStep.js';
import { SetupAnnouncer } from './SetupAnnouncer.js';
import { closeSetup } from './setup-flow.js';
import { useSetup } from './setup-store.js';
import './setup-answers.css';
import './setup-dialog.css';
import './setup-form.css';

export function AccountSetupDialog() {
  const open = useSetup((s) => s.open);
  return open ? <SetupDialog /> : null;
}

/**
 * A native modal <dialog>: the page behind is inert and Esc fires `cancel`, which goes through closeSetup() so an
 * account the dialog added and nobody kept is removed again.
 */
function SetupDialog() {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const step = useSetup((s) => s.step);
  const editing = useSetup((s) => s.editing?.name ?? null);

  useModal(ref);

  // The previous step's controls are gone: focus goes to the new step's first field or main action.
  useEffect(() => {
    const dialog = ref.current;
    const body = dialog?.querySelector<HTMLElement>('.setup-body');
    if (body) (body.querySelector<HTMLElement>('[data-autofocus]') ?? tabbables(body)[0])?.focus();
  }, [step]);

  return (
    <Modal
      dialogRef={ref}
      className="setup-dialog"
      aria-labelledby={titleId}
      data-testid="account-dialog"
      data-step={step}
      onClose={closeSetup}
    >
      <header className="setup-header">
        <h2 id={titleId}>{editing ? t('accounts.setup.editTitle', { name: editing }) : t('accounts.setup.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('accounts.setup.close')} onClick={closeSetup} data-testid="setup-close">
          <Icon name="close" />
        </button>
      </header>
      <SetupAnnouncer />
      {step === 'address' ? <AddressStep /> : null}
      {step === 'settings' ? <SettingsStep /> : null}
      {step === 'password' ? <PasswordStep /> : null}
      {step === 'results' ? <ResultsStep /> : null}
    </Modal>
  );
}
