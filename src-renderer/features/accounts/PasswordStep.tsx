import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import { EditWarning } from './EditWarning.js';
import { ServerSummary } from './ServerSummary.js';
import { BusyLine, FailureNote } from './SetupNotes.js';
import { BUSY_KEYS, OAUTH_PROVIDER_NAMES } from './setup-labels.js';
import { addAndTest, closeSetup } from './setup-flow.js';
import { goTo, useSetup } from './setup-store.js';

/** Step 3: the password, then "Add and test". */
export function PasswordStep() {
  const t = useT();
  const { draft, busy, failure, editing } = useSetup(
    useShallow((s) => ({ draft: s.draft, busy: s.busy, failure: s.failure, editing: s.replacing !== null })),
  );
  const input = useRef<HTMLInputElement>(null);
  const [empty, setEmpty] = useState(() => useSetup.getState().password === '');
  const [checked, setChecked] = useState(false);

  // Uncontrolled on purpose: React mirrors a controlled input's value into its `value` attribute, which would put
  // the password in the page's markup. Coming back to this step, it is restored as a property only.
  useEffect(() => {
    if (input.current) input.current.value = useSetup.getState().password;
  }, []);

  return (
    <form
      className="setup-body"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (busy !== null) return;
        setChecked(true);
        if (empty) input.current?.focus();
        else void addAndTest();
      }}
    >
      <div className="setup-content">
        <ServerSummary draft={draft} />
        {draft.oauthProvider ? (
          <p className="setup-note" data-testid="oauth-note">
            {t('accounts.oauth.note', { provider: OAUTH_PROVIDER_NAMES[draft.oauthProvider] })}
          </p>
        ) : null}
        <EditWarning />
        <Field label={t('accounts.field.password')} problem={checked && empty ? t('accounts.problem.password') : null}>
          {(c) => (
            <input
              {...c}
              ref={input}
              type="password"
              autoComplete="current-password"
              data-autofocus
              data-testid="account-password"
              onChange={(e) => {
                useSetup.setState({ password: e.target.value });
                setEmpty(e.target.value === '');
              }}
            />
          )}
        </Field>
        {busy !== null ? <BusyLine text={t(BUSY_KEYS[busy])} /> : null}
        {failure ? <FailureNote failure={failure} /> : null}
      </div>
      <footer className="setup-footer">
        <button type="button" className="button" onClick={closeSetup} data-testid="setup-cancel">
          {t('accounts.setup.cancel')}
        </button>
        <span className="setup-footer-spacer" />
        <button type="button" className="button" aria-disabled={busy !== null} onClick={() => busy === null && goTo('settings')} data-testid="setup-back">
          {t('accounts.setup.back')}
        </button>
        <button type="submit" className="button button-primary" aria-disabled={busy !== null} data-testid="add-and-test">
          {t(editing ? 'accounts.password.saveAndTest' : 'accounts.password.addAndTest')}
        </button>
      </footer>
    </form>
  );
}
