import { ERROR_KEYS } from '../../i18n/label-keys.js';
import { useT } from '../../i18n/use-t.js';
import { Icon } from '../../components/Icon.js';
import { busyText, OAUTH_PROVIDER_NAMES } from './setup-labels.js';
import { useSetup, type StepFailure } from './setup-store.js';

/** What the dialog is waiting for; the dialog's live region announces it, so this copy is for the eyes. */
export function BusyLine() {
  const t = useT();
  const busy = useSetup((s) => s.busy);
  const provider = useSetup((s) => s.draft.oauthProvider);
  if (busy === null) return null;
  return (
    <p className="setup-busy" aria-hidden="true" data-testid="setup-busy">
      <span className="spinner" />
      {busyText(t, busy, provider)}
    </p>
  );
}

/**
 * A step that failed: the translated reason, then the engine's English message in small print. A failed sign-in
 * says so in its own words, since the engine's message (a variable to set, a refusal) is the useful part.
 */
export function FailureNote({ failure }: { failure: StepFailure }) {
  const t = useT();
  const reason = failure.signIn
    ? t(failure.code === 'UNAVAILABLE' ? 'accounts.oauth.notSetUp' : 'accounts.oauth.failed', { provider: OAUTH_PROVIDER_NAMES[failure.signIn] })
    : t(ERROR_KEYS[failure.code]);
  return (
    <div className="setup-failure" role="alert" data-testid="setup-failure" data-code={failure.code}>
      <Icon name="warning" />
      <div>
        <p>{reason}</p>
        <small className="server-message" lang="en" data-testid="failure-message">
          {failure.message}
        </small>
      </div>
    </div>
  );
}
