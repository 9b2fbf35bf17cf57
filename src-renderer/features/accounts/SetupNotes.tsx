import { ERROR_KEYS } from '../../i18n/label-keys.js';
import { useT } from '../../i18n/use-t.js';
import { Icon } from '../../components/Icon.js';
import type { StepFailure } from './setup-store.js';

/** What the dialog is waiting for; the dialog's live region announces it, so this copy is for the eyes. */
export function BusyLine({ text }: { text: string }) {
  return (
    <p className="setup-busy" aria-hidden="true" data-testid="setup-busy">
      <span className="spinner" />
      {text}
    </p>
  );
}

/** A step that failed: the translated reason, then the engine's English message in small print. */
export function FailureNote({ failure }: { failure: StepFailure }) {
  const t = useT();
  return (
    <div className="setup-failure" role="alert" data-testid="setup-failure" data-code={failure.code}>
      <Icon name="warning" />
      <div>
        <p>{t(ERROR_KEYS[failure.code])}</p>
        <small className="server-message" lang="en">
          {failure.message}
        </small>
      </div>
    </div>
  );
}
